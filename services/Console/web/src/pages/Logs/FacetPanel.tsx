import { useState } from "react";
import type { Facet, FieldCount } from "../../api/logs";
import { ErrorMessage } from "../../shell/ErrorMessage";
import type { FieldFilter } from "./logsState";

export interface FacetPanelProps {
  facets: Facet[] | undefined;
  error: unknown;
  filters: readonly FieldFilter[];
  onFilter(filter: FieldFilter): void;
  /** Fields a person can add as a facet (Lucene: from log-service's field list). */
  fields?: readonly FieldCount[] | undefined;
  onAddField?: ((field: string) => void) | undefined;
  patternNames?: ReadonlyMap<string, string> | undefined;
}

/** Each facet's most frequent values with their counts; a value filters on click, "−" excludes it. */
export function FacetPanel({ facets, error, filters, onFilter, fields, onAddField, patternNames }: FacetPanelProps) {
  const [adding, setAdding] = useState("");
  const active = (field: string, value: string) => filters.find((f) => f.field === field && f.value === value);
  return (
    <aside className="facets" aria-label="Facets">
      <h2>Facets</h2>
      {error != null && <ErrorMessage error={error} context="Facets" />}
      {facets?.map((facet) => (
        <section key={facet.field} className="facet" aria-label={`Facet ${facet.field}`}>
          <h3>{facet.field}</h3>
          {facet.values.length === 0 && <p className="muted">No values</p>}
          <ul>
            {facet.values.map((v) => {
              const on = active(facet.field, v.value);
              const name = facet.field === "pattern_id" ? (patternNames?.get(v.value) ?? v.value) : v.value;
              return (
                <li key={v.value}>
                  <button
                    type="button"
                    className="facet-value"
                    aria-pressed={on !== undefined && !on.exclude}
                    title={`Only records with ${facet.field} ${v.value}`}
                    onClick={() => onFilter({ field: facet.field, value: v.value, exclude: false })}
                  >
                    <span className="facet-name">{name}</span>
                    <span className="facet-count">{v.records}</span>
                  </button>
                  <button
                    type="button"
                    className="facet-exclude"
                    aria-pressed={on?.exclude === true}
                    aria-label={`Exclude ${facet.field} ${v.value}`}
                    onClick={() => onFilter({ field: facet.field, value: v.value, exclude: true })}
                  >
                    −
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {fields && onAddField && (
        <form
          className="facet-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) onAddField(adding);
            setAdding("");
          }}
        >
          <label>
            Add a facet
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose a field…</option>
              {fields
                .filter((f) => !facets?.some((facet) => facet.field === f.field) && !["message", "timestamp", "id", "stack_trace"].includes(f.field))
                .map((f) => (
                  <option key={f.field} value={f.field}>
                    {f.field} ({f.records})
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" disabled={!adding}>
            Add
          </button>
        </form>
      )}
    </aside>
  );
}
