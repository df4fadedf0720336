import { useState } from "react";

/**
 * A form's editable copy of what the URL applies. Typing changes the draft only; when the applied values change from
 * outside the form (Back, Forward, a link to the same page), the draft follows them, so the fields always show the
 * search that is running once it is run. Adjusted during render (React's pattern for state derived from a changing
 * value), so the fields never show one frame of the old values.
 */
export function useUrlDraft<T extends Record<string, string>>(applied: T): [T, (change: (draft: T) => T) => void] {
  const key = JSON.stringify(applied);
  const [draft, setDraft] = useState(applied);
  const [from, setFrom] = useState(key);
  if (from !== key) {
    setFrom(key);
    setDraft(applied);
  }
  return [from === key ? draft : applied, setDraft];
}
