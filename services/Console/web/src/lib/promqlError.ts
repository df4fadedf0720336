/** Where in the query an error from the Prometheus API points, in the query's own characters. */
export interface QueryErrorPosition {
  /** Character offsets into the query (end exclusive; a point when equal). */
  from: number;
  to: number;
  line: number;
  column: number;
  /** The text after "parse error: ", or the whole message for other positioned errors. */
  detail: string;
}

// Prometheus: `1:5: parse error: unexpected "}"`, possibly behind `invalid parameter "query": `.
const positioned = /(?:^|:\s)(\d+):(\d+)(?:-(\d+):(\d+))?: (?:parse error: )?(.*)$/s;

/** Prometheus counts columns in UTF-8 bytes from 1; the editor counts UTF-16 code units from 0. */
function offsetOf(query: string, line: number, column: number): number | undefined {
  const lines = query.split("\n");
  if (line < 1 || line > lines.length) return undefined;
  let offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const text = lines[line - 1]!;
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const char of text) {
    if (bytes >= column - 1) break;
    bytes += encoder.encode(char).length;
    offset += char.length;
  }
  return offset;
}

export function locateQueryError(query: string, message: string): QueryErrorPosition | undefined {
  const match = positioned.exec(message.trim());
  if (!match) return undefined;
  const [, l1, c1, l2, c2, detail] = match;
  const from = offsetOf(query, Number(l1), Number(c1));
  if (from === undefined || from > query.length) return undefined;
  const end = l2 && c2 ? offsetOf(query, Number(l2), Number(c2)) : undefined;
  const to = end !== undefined && end > from ? end : Math.min(query.length, from + 1);
  return { from, to, line: Number(l1), column: Number(c1), detail: detail!.trim() };
}
