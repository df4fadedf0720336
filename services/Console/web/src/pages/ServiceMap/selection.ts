/** What the detail panel shows: a node (`node=`) or an edge (`edgeFrom=` and `edgeTo=`), kept in the URL. */
export type Selection = { kind: "node"; name: string } | { kind: "edge"; from: string; to: string };

export function readSelection(params: URLSearchParams): Selection | null {
  const node = params.get("node");
  if (node) return { kind: "node", name: node };
  const from = params.get("edgeFrom");
  const to = params.get("edgeTo");
  return from && to ? { kind: "edge", from, to } : null;
}

export function writeSelection(params: URLSearchParams, selection: Selection | null): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ["node", "edgeFrom", "edgeTo"]) next.delete(key);
  if (selection?.kind === "node") next.set("node", selection.name);
  if (selection?.kind === "edge") {
    next.set("edgeFrom", selection.from);
    next.set("edgeTo", selection.to);
  }
  return next;
}
