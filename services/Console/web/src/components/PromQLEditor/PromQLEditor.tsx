import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap, placeholder } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { QueryErrorPosition } from "../../lib/promqlError";
import { promqlLanguage } from "./promqlCompletion";
import "./PromQLEditor.css";

export interface PromQLEditorProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl+Enter (Cmd+Enter on a Mac). */
  onRun(): void;
  /** The editor's accessible name ("Query A"). */
  label: string;
  /** An error from the API at a place in the query, marked in the text. */
  error?: QueryErrorPosition | undefined;
  placeholderText?: string;
}

const editorTheme = EditorView.theme({
  "&": { backgroundColor: "var(--surface)", color: "var(--text)", border: "1px solid var(--border)", borderRadius: "4px" },
  "&.cm-focused": { outline: "2px solid var(--focus)" },
  ".cm-content": { fontFamily: "ui-monospace, Menlo, Consolas, monospace", fontSize: "13px", padding: "4px 0", caretColor: "var(--text)" },
  ".cm-tooltip": { backgroundColor: "var(--surface)", border: "1px solid var(--border)" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--accent-text)" },
});

/** CodeMirror 6 with PromQL (highlighting, local linting, completion from the metrics API); one line that grows. */
export function PromQLEditor({ value, onChange, onRun, label, error, placeholderText = "Enter a PromQL query…" }: PromQLEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun });

  useEffect(() => {
    callbacks.current = { onChange, onRun };
  });

  useEffect(() => {
    const language = promqlLanguage();
    const run = () => {
      callbacks.current.onRun();
      return true;
    };
    const view = new EditorView({
      parent: hostRef.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(keymap.of([{ key: "Mod-Enter", run }, { key: "Shift-Enter", run }])),
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          language.extension,
          placeholder(placeholderText),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
          editorTheme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      language.destroy();
      viewRef.current = null;
    };
    // The view is made once; value and error reach it through the effects below.
  }, [label, placeholderText]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc.toString() !== value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const length = view.state.doc.length;
    const diagnostics: Diagnostic[] = error
      ? [{ from: Math.min(error.from, length), to: Math.min(Math.max(error.to, error.from), length), severity: "error", message: error.detail }]
      : [];
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [error]);

  return <div ref={hostRef} className="promql-editor" />;
}
