import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { alertKeys, getSilence, saveSilence, type Silence } from "../../api/alerts";
import { canWriteAlerts } from "../../api/permissions";
import { operators, type MatcherOperator } from "../../lib/matchers";
import { ErrorMessage } from "../../shell/ErrorMessage";
import { useSession } from "../../shell/SessionContext";
import { checkSilence, editSilenceForm, formMatchers, newSilenceForm, type SilenceForm } from "./silenceForm";
import { SilencePreview } from "./SilencePreview";
import "./Alerts.css";

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? <p id={id} className="field-error">{text}</p> : null;
}

function Editor({ initial, readOnly }: { initial: SilenceForm; readOnly: boolean }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: saveSilence,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: alertKeys.silences });
      void client.invalidateQueries({ queryKey: ["alerts"] });
      navigate("/alerts/silences");
    },
  });
  const change = (patch: Partial<SilenceForm>) => setForm((f) => ({ ...f, ...patch }));
  const setRow = (i: number, patch: Partial<SilenceForm["matchers"][number]>) =>
    change({ matchers: form.matchers.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkSilence(form);
    setErrors(check.errors ?? {});
    if (check.silence) save.mutate(check.silence);
  };
  const described = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `err-${key}` } : {});

  return (
    <div className="form-grid">
      <form className="card form-grid" onSubmit={submit} aria-label="Silence" noValidate>
        <fieldset disabled={readOnly}>
          <legend>Matchers</legend>
          <div className="matcher-rows">
            {form.matchers.map((row, i) => (
              <div key={i} className="matcher-row">
                <label>
                  Label
                  <input aria-label={`Label of matcher ${i + 1}`} value={row.name} onChange={(e) => setRow(i, { name: e.target.value })} {...described(`matcher${i}`)} />
                </label>
                <label>
                  Operator
                  <select aria-label={`Operator of matcher ${i + 1}`} value={row.op} onChange={(e) => setRow(i, { op: e.target.value as MatcherOperator })}>
                    {operators.map((op) => <option key={op} value={op}>{op}</option>)}
                  </select>
                </label>
                <label>
                  Value
                  <input aria-label={`Value of matcher ${i + 1}`} className="mono" value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
                </label>
                <button type="button" onClick={() => change({ matchers: form.matchers.filter((_, j) => j !== i) })} aria-label={`Remove matcher ${i + 1}`}>Remove</button>
                <FieldError id={`err-matcher${i}`} text={errors[`matcher${i}`]} />
              </div>
            ))}
          </div>
          <button type="button" onClick={() => change({ matchers: [...form.matchers, { name: "", op: "=", value: "" }] })}>Add matcher</button>
          <FieldError id="err-matchers" text={errors.matchers} />
        </fieldset>
        <fieldset disabled={readOnly} className="toolbar">
          <legend>When</legend>
          <label>
            Start
            <input type="datetime-local" value={form.startsAt} onChange={(e) => change({ startsAt: e.target.value })} {...described("startsAt")} />
          </label>
          <label className="inline">
            <input type="radio" name="endMode" checked={form.endMode === "duration"} onChange={() => change({ endMode: "duration" })} />
            For a duration
          </label>
          <label className="inline">
            <input type="radio" name="endMode" checked={form.endMode === "end"} onChange={() => change({ endMode: "end" })} />
            Until a time
          </label>
          {form.endMode === "duration" ? (
            <label>
              Duration
              <input value={form.duration} size={8} onChange={(e) => change({ duration: e.target.value })} {...described("duration")} />
            </label>
          ) : (
            <label>
              End
              <input type="datetime-local" value={form.endsAt} onChange={(e) => change({ endsAt: e.target.value })} {...described("endsAt")} />
            </label>
          )}
          <FieldError id="err-startsAt" text={errors.startsAt} />
          <FieldError id="err-duration" text={errors.duration} />
          <FieldError id="err-endsAt" text={errors.endsAt} />
        </fieldset>
        <fieldset disabled={readOnly} className="form-grid">
          <legend>Who and why</legend>
          <label>
            Created by
            <input value={form.createdBy} onChange={(e) => change({ createdBy: e.target.value })} {...described("createdBy")} />
          </label>
          <FieldError id="err-createdBy" text={errors.createdBy} />
          <label>
            Comment
            <textarea value={form.comment} rows={3} style={{ minHeight: 60 }} onChange={(e) => change({ comment: e.target.value })} {...described("comment")} />
          </label>
          <FieldError id="err-comment" text={errors.comment} />
        </fieldset>
        {!readOnly && (
          <div className="toolbar">
            <button type="submit" className="primary" disabled={save.isPending}>{form.id ? "Update silence" : "Create silence"}</button>
            <Link to="/alerts/silences">Cancel</Link>
          </div>
        )}
        {save.isError && <ErrorMessage error={save.error} context="Not saved" />}
      </form>
      <SilencePreview matchers={formMatchers(form)} />
    </div>
  );
}

function ExistingSilence({ id, readOnly }: { id: string; readOnly: boolean }) {
  const silence = useQuery({ queryKey: alertKeys.silence(id), queryFn: ({ signal }) => getSilence(id, signal) });
  if (silence.isError) return <ErrorMessage error={silence.error} context="Could not read the silence" />;
  if (!silence.data) return <p className="loading">Loading…</p>;
  const data: Silence = silence.data;
  return (
    <>
      <p>
        State: <span className={`badge ${data.status.state === "active" ? "ok" : "warn"}`}>{data.status.state}</span>
        <span className="muted">{` id ${data.id}`}</span>
      </p>
      <Editor key={data.id + data.updatedAt} initial={editSilenceForm(data)} readOnly={readOnly} />
    </>
  );
}

/** Alerts › Silences › new (`?matchers=` prefills it, as the groups' Silence action does) and edit (`/:id`). */
export function SilenceEditorPage() {
  const session = useSession();
  const { id } = useParams();
  const [params] = useSearchParams();
  const canWrite = canWriteAlerts(session);
  const [initial] = useState(() => newSilenceForm(params.get("matchers"), session.name, Date.now()));
  return (
    <section className="page">
      <div className="page-header">
        <h1>{id ? (canWrite ? "Edit silence" : "Silence") : "New silence"}</h1>
        <Link to="/alerts/silences">All silences</Link>
      </div>
      {!canWrite && <p className="muted">Changing silences needs the alerts:write permission.</p>}
      {id ? <ExistingSilence id={id} readOnly={!canWrite} /> : canWrite && <Editor initial={initial} readOnly={false} />}
    </section>
  );
}
