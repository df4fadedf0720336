import { checkRuleForm, ruleFormOf } from "./ruleForm";

test("a PromQL rule round-trips through the form", () => {
  const rule = {
    name: "HighErrorRate", severity: "critical", expr: 'sum(rate(errors_total[5m])) > 1', for: "5m", keepFiringFor: null,
    evaluationInterval: "30s", noData: null, labels: { team: "api" }, annotations: { summary: "{{ $labels.job }} a=b" },
  };
  const form = ruleFormOf(rule);
  expect(form.annotations).toBe("summary={{ $labels.job }} a=b");
  expect(checkRuleForm(form).rule).toEqual(rule);
});

test("a condition-tree rule keeps its condition and sends no expr", () => {
  const condition = { metric: { metric: "up", op: "<", threshold: 1, window: "5m" } };
  const checked = checkRuleForm(ruleFormOf({ name: "Down", severity: "warning", condition }));
  expect(checked.rule?.condition).toEqual(condition);
  expect(checked.rule).not.toHaveProperty("expr");
});

test("what is wrong, by field", () => {
  const form = { ...ruleFormOf(undefined), for: "five minutes", labels: "team=api\n=oops" };
  expect(checkRuleForm(form).errors).toEqual({
    name: "The name is required.",
    expr: "The PromQL expression is required.",
    for: '"five minutes" is not a duration (30s, 5m, 1h30m).',
    labels: 'Line 2: write name=value with a label name before "=".',
  });
});
