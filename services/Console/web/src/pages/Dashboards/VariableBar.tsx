import { useId, useState } from "react";
import { allValue } from "../../api/dashboards";
import { errorMessage } from "../../api/ApiError";
import type { VariableValues } from "./interpolate";
import type { VariableState } from "./useVariables";

export interface VariableBarProps {
  states: VariableState[];
  values: VariableValues;
  onChange(name: string, values: string[]): void;
}

function MultiSelect({ label, options, selected, includeAll, onChange }: {
  label: string;
  options: string[];
  selected: string[];
  includeAll: boolean;
  onChange(values: string[]): void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const all = selected.includes(allValue);
  const summary = all ? "All" : selected.length === 0 ? "None" : selected.join(" + ");
  const toggle = (value: string) => {
    const current = all ? [] : selected;
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onChange(next);
  };
  return (
    <div className="multi-select" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <span className="variable-label" id={`${id}-label`}>{label}</span>
      <button type="button" aria-expanded={open} aria-controls={id} aria-labelledby={`${id}-label ${id}-value`} onClick={() => setOpen(!open)}>
        <span id={`${id}-value`}>{summary}</span> ▾
      </button>
      {open && (
        <fieldset id={id} className="multi-select-options">
          <legend className="visually-hidden">{label}</legend>
          {includeAll && (
            <label className="inline">
              <input type="checkbox" checked={all} onChange={() => onChange(all ? [] : [allValue])} />
              All
            </label>
          )}
          {options.map((option) => (
            <label key={option} className="inline">
              <input type="checkbox" checked={!all && selected.includes(option)} onChange={() => toggle(option)} />
              {option}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** The dashboard's variables above its panels; a change is a URL change (`var-name`), as in Grafana. */
export function VariableBar({ states, values, onChange }: VariableBarProps) {
  if (states.length === 0) return null;
  return (
    <div className="variable-bar" role="group" aria-label="Variables">
      {states.map(({ variable, options = [], loading, error }) => {
        const label = variable.label || variable.name;
        const value = values[variable.name];
        const selected = value?.values ?? [];
        const known = [...options, ...selected.filter((v) => v !== allValue && !options.includes(v))];
        return (
          <div key={variable.name} className="variable">
            {variable.multi ? (
              <MultiSelect label={label} options={known} selected={selected} includeAll={variable.includeAll} onChange={(v) => onChange(variable.name, v)} />
            ) : (
              <label>
                {label}
                <select value={selected[0] ?? ""} onChange={(e) => onChange(variable.name, [e.target.value])} disabled={loading && known.length === 0}>
                  {variable.includeAll && <option value={allValue}>All</option>}
                  {known.length === 0 && !variable.includeAll && <option value="">{loading ? "Loading…" : "No values"}</option>}
                  {known.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {error != null && <span className="variable-error" role="alert">{label}: {errorMessage(error)}</span>}
          </div>
        );
      })}
    </div>
  );
}
