import { useEffect, useId, useState, type FormEvent } from "react";
import { parseMatchers } from "../../lib/matchers";

/**
 * A matcher filter (`{severity="critical"}`) applied on Enter or with the button; a syntax error is shown under the
 * field with a caret at its position, before anything is asked of the service.
 */
export function FilterInput({ value, onApply, label = "Filter" }: { value: string; onApply: (filter: string) => void; label?: string }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<{ position: number; reason: string } | undefined>();
  const errorId = useId();
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMatchers(text);
    setError(parsed.error);
    if (!parsed.error) onApply(text.trim());
  };
  return (
    <form className="toolbar" onSubmit={submit}>
      <label>
        {label}
        <input
          className="mono"
          size={48}
          value={text}
          placeholder='{severity="critical", job=~"api.*"}'
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </label>
      <button type="submit">Apply</button>
      {error && (
        <div id={errorId} className="field-error" role="alert">
          <code>{text}</code>
          <br />
          <code>{" ".repeat(error.position)}^</code> {error.reason} (position {error.position})
        </div>
      )}
    </form>
  );
}
