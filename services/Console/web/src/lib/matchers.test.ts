import { formatMatchers, matches, matchesAll, matchersFromLabels, parseMatchers, type Matcher } from "./matchers";

test("reads braced and bare lists with every operator", () => {
  expect(parseMatchers('{severity="critical", job=~"api|web", env!=prod, team!~"ops.*"}').matchers).toEqual([
    { name: "severity", value: "critical", isRegex: false, isEqual: true },
    { name: "job", value: "api|web", isRegex: true, isEqual: true },
    { name: "env", value: "prod", isRegex: false, isEqual: false },
    { name: "team", value: "ops.*", isRegex: true, isEqual: false },
  ]);
  expect(parseMatchers("alertname = Down ").matchers).toEqual([{ name: "alertname", value: "Down", isRegex: false, isEqual: true }]);
  expect(parseMatchers("").matchers).toEqual([]);
  expect(parseMatchers("{}").matchers).toEqual([]);
});

test.each([
  ['{severity="critical"', 20, "missing closing '}'"],
  ['{="x"}', 1, "expected a label name"],
  ["{a~x}", 2, 'expected one of =, !=, =~, !~ after label name "a"'],
  ['a="open', 2, "unterminated quoted string"],
  ['a="\\q"', 4, "unknown escape sequence '\\q'"],
  ['a=~"("', 3, 'invalid regular expression "("'],
  ['a="b" c', 6, "unexpected 'c'"],
])("%s is refused at %i: %s", (text, position, reason) => {
  expect(parseMatchers(text).error).toEqual({ position, reason });
});

test("formatting reads back to the same matchers, escapes included", () => {
  const matchers: Matcher[] = [
    { name: "a", value: 'say "hi"\\n', isRegex: false, isEqual: true },
    { name: "b", value: "x.*", isRegex: true, isEqual: false },
  ];
  expect(parseMatchers(formatMatchers(matchers)).matchers).toEqual(matchers);
});

test("random and mutated text is an answer or a positioned error, never a throw", () => {
  const alphabet = ['{', '}', '"', "\\", ",", "=", "!", "~", "a", "_", " ", "(", "*", "é", "\n"];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) {
    const base = i % 2 === 0 ? '{severity="critical", job=~"a.*"}' : "";
    let text = base;
    for (let k = 0; k < 1 + Math.floor(next() * 6); k++) {
      const at = Math.floor(next() * (text.length + 1));
      text = text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)]! + text.slice(at + (next() < 0.5 ? 1 : 0));
    }
    const result = parseMatchers(text);
    if (result.error) expect(result.error.position).toBeGreaterThanOrEqual(0);
    else expect(parseMatchers(formatMatchers(result.matchers)).matchers).toEqual(result.matchers);
  }
});

test("matching: anchored regexes, a missing label is empty, negations", () => {
  const labels = { alertname: "Down", job: "api-1" };
  expect(matches({ name: "job", value: "api", isRegex: true, isEqual: true }, labels)).toBe(false);
  expect(matches({ name: "job", value: "api-.*", isRegex: true, isEqual: true }, labels)).toBe(true);
  expect(matches({ name: "team", value: "", isRegex: false, isEqual: true }, labels)).toBe(true);
  expect(matches({ name: "job", value: "api-1", isRegex: false, isEqual: false }, labels)).toBe(false);
  expect(matchesAll(matchersFromLabels(labels), labels)).toBe(true);
  expect(matchersFromLabels({ b: "2", alertname: "X", a: "1" }).map((m) => m.name)).toEqual(["alertname", "a", "b"]);
});
