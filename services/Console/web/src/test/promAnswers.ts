import { json, type RecordedCall } from "./fetchMock";

/** A query_range answer: every series named in `series` with values 1, 2, 3 from the call's start. */
export function rangeOf(series: Array<Record<string, string>>, values: string[] = ["1", "2", "3"]) {
  return (call: RecordedCall) => {
    const form = new URLSearchParams(call.body);
    const start = Math.ceil(Number(form.get("start")));
    const step = Number(form.get("step"));
    return json(200, {
      status: "success",
      data: { resultType: "matrix", result: series.map((metric) => ({ metric, values: values.map((v, i) => [start + i * step, v]) })) },
    });
  };
}

export function vectorOf(samples: Array<[Record<string, string>, string]>) {
  return json(200, { status: "success", data: { resultType: "vector", result: samples.map(([metric, v]) => ({ metric, value: [1715776496, v] })) } });
}

export function listOf(values: string[]) {
  return json(200, { status: "success", data: values });
}
