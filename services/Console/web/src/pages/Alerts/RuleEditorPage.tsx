import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/ApiError";
import { createRule, deleteRule, getRule, ruleKeys, updateRule, type RuleDocument } from "../../api/alerts";
import { canWriteAlerts } from "../../api/permissions";
import { checkPromQL } from "../../api/promqlCheck";
import { PromQLEditor } from "../../components/PromQLEditor/PromQLEditor";
import { locateQueryError, type QueryErrorPosition } from "../../lib/promqlError";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { checkRuleForm, ruleFormOf, severities, type RuleForm } from "./ruleForm";
import "./Alerts.css";

type ExprCheck = { state: "idle" } | { state: "ok"; canonical: string } | { state: "error"; message: string; position: QueryErrorPosition | undefined };

/** The expression parsed by metrics-service: its canonical form, or the error at its place in the text. */
async function validate(expr: string): Promise<ExprCheck> {
  try {
    return { state: "ok", canonical: await checkPromQL(expr) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && error.detail) {
      return { state: "error", message: error.detail, position: locateQueryError(expr, error.detail) };
    }
    throw error;
  }
}

function Field({ id, error, children }: { id: string; error: string | undefined; children: React.ReactNode }) {
  return (
    <div>
      {children}
      {error && <p id={`err-${id}`} className="field-error">{error}</p>}
    </div>
  );
}

function Editor({ id, initial, etag }: { id: string | undefined; initial: RuleDocument | undefined; etag: string | null }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<RuleForm>(() => ruleFormOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [exprCheck, setExprCheck] = useState<ExprCheck>({ state: "idle" });
  const [confirming, setConfirming] = useState(false);
  const change = (patch: Partial<RuleForm>) => setForm((f) => ({ ...f, ...patch }));
  const done = () => {
    void client.invalidateQueries({ queryKey: ["rules"] });
    navigate("/alerts/rules");
  };
  const check = useMutation({ mutationFn: validate, onSuccess: setExprCheck });
  const save = useMutation({
    mutationFn: async (rule: RuleDocument) => {
      if (rule.expr) {
        const result = await validate(rule.expr);
        setExprCheck(result);
        if (result.state === "error") return false;
      }
      if (id) await updateRule(id, rule, etag);
      else await createRule(rule);
      return true;
    },
    onSuccess: (saved) => saved && done(),
  });
  const remove = useMutation({ mutationFn: () => deleteRule(id!, etag), onSuccess: done });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRuleForm(form);
    setErrors(checked.errors ?? {});
    if (checked.rule) save.mutate(checked.rule);
  };
  const invalid = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `err-${key}` } : {});
  const exprError = exprCheck.state === "error" ? exprCheck : undefined;

  return (
    <form className="card form-grid" onSubmit={submit} aria-label="Rule" noValidate>
      <Field id="name" error={errors.name}>
        <label>Name<input value={form.name} onChange={(e) => change({ name: e.target.value })} {...invalid("name")} /></label>
      </Field>
      <label>
        Severity
        <select value={form.severity} onChange={(e) => change({ severity: e.target.value })}>
          {severities.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      {form.condition ? (
        <div>
          <p className="muted">This rule's condition is a tree of metric, log and trace leaves; it is kept as it is.</p>
          <pre className="card">{JSON.stringify(form.condition, null, 2)}</pre>
        </div>
      ) : (
        <div>
          <PromQLEditor
            label="PromQL expression"
            value={form.expr}
            onChange={(expr) => {
              change({ expr });
              if (exprCheck.state !== "idle") setExprCheck({ state: "idle" });
            }}
            onRun={() => check.mutate(form.expr)}
            error={exprError?.position}
            placeholderText="sum(rate(http_server_request_duration_seconds_count{code=~&quot;5..&quot;}[5m])) > 1"
          />
          <div className="toolbar">
            <button type="button" onClick={() => check.mutate(form.expr)} disabled={!form.expr.trim() || check.isPending}>Check expression</button>
            {exprCheck.state === "ok" && <span className="badge ok" role="status">valid: <code>{exprCheck.canonical}</code></span>}
          </div>
          {exprError && (
            <div className="error-message" role="alert">
              <strong>{exprError.position ? `Line ${exprError.position.line}, column ${exprError.position.column}: ${exprError.position.detail}` : exprError.message}</strong>
              {exprError.position && (
                <pre className="expr-error">{form.expr.split("\n")[exprError.position.line - 1]}{"\n"}{" ".repeat(Math.max(0, exprError.position.column - 1))}^</pre>
              )}
            </div>
          )}
          {errors.expr && <p id="err-expr" className="field-error">{errors.expr}</p>}
          {check.isError && <ErrorMessage error={check.error} context="Could not check the expression" />}
        </div>
      )}
      <div className="toolbar">
        {(["for", "keepFiringFor", "evaluationInterval"] as const).map((key) => (
          <Field key={key} id={key} error={errors[key]}>
            <label>
              {{ for: "For", keepFiringFor: "Keep firing for", evaluationInterval: "Evaluate every" }[key]}
              <input size={8} value={form[key]} placeholder={key === "evaluationInterval" ? "1m" : "0s"} onChange={(e) => change({ [key]: e.target.value })} {...invalid(key)} />
            </label>
          </Field>
        ))}
        <label>
          No data
          <select value={form.noData} onChange={(e) => change({ noData: e.target.value })}>
            <option value="">keep last state (default)</option>
            <option value="keep_last_state">keep last state</option>
            <option value="inactive">inactive</option>
          </select>
        </label>
      </div>
      <Field id="labels" error={errors.labels}>
        <label>Labels (name=value per line)<textarea className="mono" rows={3} style={{ minHeight: 60 }} value={form.labels} onChange={(e) => change({ labels: e.target.value })} {...invalid("labels")} /></label>
      </Field>
      <Field id="annotations" error={errors.annotations}>
        <label>Annotations (name=value per line; Go templates)<textarea className="mono" rows={3} style={{ minHeight: 60 }} value={form.annotations} onChange={(e) => change({ annotations: e.target.value })} {...invalid("annotations")} /></label>
      </Field>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={save.isPending}>{id ? "Save rule" : "Create rule"}</button>
        <Link to="/alerts/rules">Cancel</Link>
        {id && (confirming ? (
          <button type="button" onClick={() => remove.mutate()}>Confirm delete</button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>Delete rule</button>
        ))}
      </div>
      {save.isError && <ErrorMessage error={save.error} context="Not saved" />}
      {remove.isError && <ErrorMessage error={remove.error} context="Not deleted" />}
    </form>
  );
}

function ExistingRule({ id }: { id: string }) {
  const rule = useQuery({ queryKey: ruleKeys.rule(id), queryFn: ({ signal }) => getRule(id, signal), staleTime: 0 });
  if (rule.isError) return <ErrorMessage error={rule.error} context="Could not read the rule" />;
  if (!rule.data) return <p className="loading">Loading…</p>;
  return <Editor key={rule.data.etag ?? id} id={id} initial={rule.data.view.rule} etag={rule.data.etag} />;
}

/** Alerts › Rules › new and edit: a PromQL alerting rule, its expression parsed by metrics-service before saving. */
export function RuleEditorPage() {
  const session = useSession();
  const { id } = useParams();
  return (
    <section className="page">
      <div className="page-header">
        <h1>{id ? "Edit rule" : "New rule"}</h1>
        <Link to="/alerts/rules">All rules</Link>
      </div>
      {!canWriteAlerts(session) ? <p>Changing rules needs the alerts:write permission.</p> : id ? <ExistingRule id={id} /> : <Editor id={undefined} initial={undefined} etag={null} />}
    </section>
  );
}
