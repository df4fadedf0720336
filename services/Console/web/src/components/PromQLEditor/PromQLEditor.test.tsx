import { forEachDiagnostic } from "@codemirror/lint";
import { fireEvent, render, screen } from "@testing-library/react";
import { editorView, setEditorText } from "../../test/editor";
import { PromQLEditor } from "./PromQLEditor";

test("is a labelled text box whose edits reach onChange and whose Ctrl+Enter runs", () => {
  const onChange = vi.fn();
  const onRun = vi.fn();
  render(<PromQLEditor label="Query A" value="up" onChange={onChange} onRun={onRun} />);
  const box = screen.getByRole("textbox", { name: "Query A" });
  expect(box).toHaveTextContent("up");
  setEditorText("Query A", "sum(up)");
  expect(onChange).toHaveBeenLastCalledWith("sum(up)");
  fireEvent.keyDown(box, { key: "Enter", ctrlKey: true });
  expect(onRun).toHaveBeenCalledTimes(1);
});

test("a new value from outside replaces the text; an error marks its span", () => {
  const { rerender } = render(<PromQLEditor label="Query A" value="up" onChange={() => {}} onRun={() => {}} />);
  rerender(<PromQLEditor label="Query A" value="up{job=}" onChange={() => {}} onRun={() => {}} error={{ from: 7, to: 8, line: 1, column: 8, detail: 'unexpected "}"' }} />);
  const view = editorView("Query A");
  expect(view.state.doc.toString()).toBe("up{job=}");
  const found: Array<{ from: number; to: number; message: string }> = [];
  forEachDiagnostic(view.state, (d, from, to) => found.push({ from, to, message: d.message }));
  expect(found).toContainEqual({ from: 7, to: 8, message: 'unexpected "}"' });
});
