import { EditorView } from "@codemirror/view";
import { act, screen } from "@testing-library/react";

/** The CodeMirror view behind an editor's accessible name. */
export function editorView(name: string): EditorView {
  const content = screen.getByRole("textbox", { name });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error(`no CodeMirror view for ${name}`);
  return view;
}

/** Replaces the editor's text as typing would (jsdom cannot drive contenteditable input). */
export function setEditorText(name: string, text: string): void {
  const view = editorView(name);
  act(() => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length }, userEvent: "input.type" });
  });
}
