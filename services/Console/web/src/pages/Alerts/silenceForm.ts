import type { PostableSilence, Silence } from "../../api/alerts";
import { formatDuration, parseDuration } from "../../lib/duration";
import { fromOperator, matches, operatorOf, parseMatchers, type Matcher, type MatcherOperator } from "../../lib/matchers";

export interface MatcherRow {
  name: string;
  op: MatcherOperator;
  value: string;
}

/** The silence editor's fields: the end is a duration from the start, or a time, as the person chose. */
export interface SilenceForm {
  id: string | undefined;
  matchers: MatcherRow[];
  /** datetime-local text, in the browser's zone. */
  startsAt: string;
  endMode: "duration" | "end";
  duration: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A time as an <input type="datetime-local"> shows it, in the browser's zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const rowOf = (m: Matcher): MatcherRow => ({ name: m.name, op: operatorOf(m), value: m.value });

/** A new silence from `?matchers=` (the alert's labels), starting now for two hours, by the signed-in person. */
export function newSilenceForm(matchersText: string | null, createdBy: string, now: number): SilenceForm {
  const parsed = matchersText ? parseMatchers(matchersText).matchers ?? [] : [];
  return {
    id: undefined,
    matchers: parsed.length > 0 ? parsed.map(rowOf) : [{ name: "", op: "=", value: "" }],
    startsAt: toLocalInput(now),
    endMode: "duration",
    duration: "2h",
    endsAt: toLocalInput(now + 2 * 3_600_000),
    createdBy,
    comment: "",
  };
}

export function editSilenceForm(silence: Silence): SilenceForm {
  const start = Date.parse(silence.startsAt);
  const end = Date.parse(silence.endsAt);
  return {
    id: silence.id,
    matchers: silence.matchers.map((m) => rowOf({ ...m, isEqual: m.isEqual ?? true })),
    startsAt: toLocalInput(start),
    endMode: "duration",
    duration: formatDuration(Math.round((end - start) / 60_000) * 60_000),
    endsAt: toLocalInput(end),
    createdBy: silence.createdBy,
    comment: silence.comment,
  };
}

/** The form's complete matchers (rows with a name); blank rows are left out. */
export function formMatchers(form: SilenceForm): Matcher[] {
  return form.matchers.filter((r) => r.name.trim()).map((r) => fromOperator(r.name.trim(), r.op, r.value));
}

export type SilenceCheck = { silence: PostableSilence; errors?: undefined } | { silence?: undefined; errors: Record<string, string> };

/** The silence to POST, or what is wrong with the form by field (the service checks it all again). */
export function checkSilence(form: SilenceForm): SilenceCheck {
  const errors: Record<string, string> = {};
  const matchers = formMatchers(form);
  if (matchers.length === 0) errors.matchers = "At least one matcher is required.";
  form.matchers.forEach((row, i) => {
    if (row.name.trim() && !/^[A-Za-z0-9_]+$/.test(row.name.trim())) errors[`matcher${i}`] = `"${row.name}" is not a label name.`;
    else if ((row.op === "=~" || row.op === "!~") && !validRegex(row.value)) errors[`matcher${i}`] = `"${row.value}" is not a regular expression.`;
  });
  // Alertmanager refuses a silence all of whose matchers match the empty string: it would silence everything.
  if (matchers.length > 0 && !Object.keys(errors).some((k) => k.startsWith("matcher")) && matchers.every((m) => matches(m, {}))) {
    errors.matchers = "At least one matcher must not match the empty string (these would silence every alert).";
  }
  const start = Date.parse(form.startsAt);
  if (Number.isNaN(start)) errors.startsAt = "The start is not a time.";
  let end = NaN;
  if (form.endMode === "duration") {
    const ms = parseDuration(form.duration);
    if (!ms) errors.duration = `"${form.duration}" is not a duration (2h, 30m, 1d12h).`;
    else end = start + ms;
  } else {
    end = Date.parse(form.endsAt);
    if (Number.isNaN(end)) errors.endsAt = "The end is not a time.";
  }
  if (!errors.startsAt && !errors.duration && !errors.endsAt && !(end > start)) errors[form.endMode === "duration" ? "duration" : "endsAt"] = "The end must be after the start.";
  if (!form.createdBy.trim()) errors.createdBy = "Name who creates the silence.";
  if (!form.comment.trim()) errors.comment = "Say why (the comment is required).";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    silence: {
      ...(form.id ? { id: form.id } : {}),
      matchers,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      createdBy: form.createdBy.trim(),
      comment: form.comment.trim(),
    },
  };
}

function validRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
