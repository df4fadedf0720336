import { checkSilence, editSilenceForm, newSilenceForm, toLocalInput } from "./silenceForm";

const now = new Date(2024, 4, 1, 10, 0).getTime();

test("a new silence from an alert's labels starts now for two hours", () => {
  const form = newSilenceForm('{alertname="Down", job=~"api.*"}', "eddie", now);
  expect(form.matchers).toEqual([{ name: "alertname", op: "=", value: "Down" }, { name: "job", op: "=~", value: "api.*" }]);
  expect(form.startsAt).toBe("2024-05-01T10:00");
  const check = checkSilence({ ...form, comment: "deploy" });
  expect(check.silence).toEqual({
    matchers: [
      { name: "alertname", value: "Down", isRegex: false, isEqual: true },
      { name: "job", value: "api.*", isRegex: true, isEqual: true },
    ],
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 7_200_000).toISOString(),
    createdBy: "eddie",
    comment: "deploy",
  });
});

test("an end time instead of a duration; editing keeps the id", () => {
  const form = editSilenceForm({
    id: "s1", status: { state: "active" }, updatedAt: "", createdBy: "ada", comment: "maint",
    matchers: [{ name: "env", value: "prod", isRegex: false, isEqual: false }, { name: "alertname", value: "Down", isRegex: false, isEqual: true }],
    startsAt: new Date(now).toISOString(), endsAt: new Date(now + 90 * 60_000).toISOString(),
  });
  expect(form.duration).toBe("1h30m");
  expect(form.matchers).toEqual([{ name: "env", op: "!=", value: "prod" }, { name: "alertname", op: "=", value: "Down" }]);
  const check = checkSilence({ ...form, endMode: "end", endsAt: toLocalInput(now + 86_400_000) });
  expect(check.silence?.id).toBe("s1");
  expect(check.silence?.endsAt).toBe(new Date(now + 86_400_000).toISOString());
});

test("what is wrong, by field", () => {
  const blank = newSilenceForm(null, "", now);
  expect(checkSilence({ ...blank, duration: "soon" }).errors).toEqual({
    matchers: "At least one matcher is required.",
    duration: '"soon" is not a duration (2h, 30m, 1d12h).',
    createdBy: "Name who creates the silence.",
    comment: "Say why (the comment is required).",
  });
  const form = { ...newSilenceForm('{a="1"}', "e", now), comment: "c" };
  expect(checkSilence({ ...form, matchers: [{ name: "a b", op: "=", value: "" }] }).errors?.matcher0).toBe('"a b" is not a label name.');
  expect(checkSilence({ ...form, matchers: [{ name: "a", op: "=~", value: "(" }] }).errors?.matcher0).toBe('"(" is not a regular expression.');
  expect(checkSilence({ ...form, matchers: [{ name: "a", op: "=~", value: ".*" }] }).errors?.matchers).toMatch(/empty string/);
  expect(checkSilence({ ...form, endMode: "end", endsAt: form.startsAt }).errors?.endsAt).toBe("The end must be after the start.");
});
