/** An Alertmanager matcher, as API v2 writes it (isEqual false for != and !~). */
export interface Matcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export type MatcherOperator = "=" | "!=" | "=~" | "!~";

export const operators: MatcherOperator[] = ["=", "!=", "=~", "!~"];

export function operatorOf(m: Pick<Matcher, "isRegex" | "isEqual">): MatcherOperator {
  return m.isRegex ? (m.isEqual ? "=~" : "!~") : m.isEqual ? "=" : "!=";
}

export function fromOperator(name: string, op: MatcherOperator, value: string): Matcher {
  return { name, value, isRegex: op === "=~" || op === "!~", isEqual: op === "=" || op === "=~" };
}

export type MatcherParse = { matchers: Matcher[]; error?: undefined } | { matchers?: undefined; error: { position: number; reason: string } };

class MatcherSyntaxError extends Error {
  constructor(readonly position: number, readonly reason: string) {
    super(reason);
  }
}

const nameChar = /[A-Za-z0-9_]/;

/**
 * Alertmanager's matcher syntax as alert-service parses it: `{alertname="X", severity=~"crit.*"}`, `foo!=bar`, or a
 * comma-separated list without braces; values double-quoted (escapes \" \\ \n \t) or bare up to the next , or }.
 * Errors carry the 0-based position, as the service's do, so the page can point at them before asking it.
 */
export function parseMatchers(text: string): MatcherParse {
  let at = 0;
  const peek = () => text[at] ?? "";
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const take = (s: string) => {
    if (text.startsWith(s, at)) {
      at += s.length;
      return true;
    }
    return false;
  };
  const quoted = () => {
    const open = at++;
    let value = "";
    while (at < text.length) {
      const c = text[at++]!;
      if (c === '"') return value;
      if (c !== "\\") {
        value += c;
        continue;
      }
      if (at >= text.length) break;
      const escAt = at;
      const e = text[at++]!;
      const decoded = ({ '"': '"', "\\": "\\", n: "\n", t: "\t" } as Record<string, string>)[e];
      if (decoded === undefined) throw new MatcherSyntaxError(escAt, `unknown escape sequence '\\${e}'`);
      value += decoded;
    }
    throw new MatcherSyntaxError(open, "unterminated quoted string");
  };
  const one = (): Matcher => {
    const start = at;
    while (at < text.length && nameChar.test(text[at]!)) at++;
    const name = text.slice(start, at);
    if (!name) throw new MatcherSyntaxError(start, "expected a label name");
    skipSpace();
    const opAt = at;
    const op = (["=~", "!~", "!=", "="] as MatcherOperator[]).find(take);
    if (!op) throw new MatcherSyntaxError(opAt, `expected one of =, !=, =~, !~ after label name "${name}"`);
    skipSpace();
    const valueAt = at;
    let value: string;
    if (peek() === '"') value = quoted();
    else {
      const begin = at;
      while (at < text.length && text[at] !== "," && text[at] !== "}") at++;
      value = text.slice(begin, at).trimEnd();
    }
    const matcher = fromOperator(name, op, value);
    if (matcher.isRegex && compile(value) === undefined) throw new MatcherSyntaxError(valueAt, `invalid regular expression "${value}"`);
    return matcher;
  };
  try {
    skipSpace();
    const braced = take("{");
    const matchers: Matcher[] = [];
    for (;;) {
      skipSpace();
      if (at >= text.length || (braced && peek() === "}")) break;
      matchers.push(one());
      skipSpace();
      if (!take(",")) break;
    }
    skipSpace();
    if (braced && !take("}")) throw new MatcherSyntaxError(at, "missing closing '}'");
    skipSpace();
    if (at < text.length) throw new MatcherSyntaxError(at, `unexpected '${peek()}'`);
    return { matchers };
  } catch (error) {
    if (error instanceof MatcherSyntaxError) return { error: { position: error.position, reason: error.reason } };
    throw error;
  }
}

const quote = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;

/** `{a="1", b=~"x.*"}`: what {@link parseMatchers} reads back to the same matchers. */
export function formatMatchers(matchers: readonly Matcher[]): string {
  return `{${matchers.map((m) => `${m.name}${operatorOf(m)}${quote(m.value)}`).join(", ")}}`;
}

const regexCache = new Map<string, RegExp | undefined>();

/** Alertmanager anchors regex matchers (`^(?:…)$`). JavaScript's dialect stands in for Go's RE2 in the page. */
function compile(pattern: string): RegExp | undefined {
  if (!regexCache.has(pattern)) {
    try {
      regexCache.set(pattern, new RegExp(`^(?:${pattern})$`, "s"));
    } catch {
      regexCache.set(pattern, undefined);
    }
  }
  return regexCache.get(pattern);
}

/** Whether a label set satisfies one matcher; a missing label has the empty value, as in Alertmanager. */
export function matches(matcher: Matcher, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[matcher.name] ?? "";
  const hit = matcher.isRegex ? (compile(matcher.value)?.test(value) ?? false) : value === matcher.value;
  return hit === matcher.isEqual;
}

export function matchesAll(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.every((m) => matches(m, labels));
}

/** Equality matchers for each label (a silence "from this alert"), alertname first. */
export function matchersFromLabels(labels: Readonly<Record<string, string>>): Matcher[] {
  return Object.entries(labels)
    .sort(([a], [b]) => (a === "alertname" ? -1 : b === "alertname" ? 1 : a.localeCompare(b)))
    .map(([name, value]) => fromOperator(name, "=", value));
}
