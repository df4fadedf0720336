import type uPlot from "uplot";

/**
 * uPlot draws on a canvas, which jsdom does not have; this stands in for it and records what the wrapper asked
 * for (options, data, series visibility, cursor), so tests can drive its hooks as a person's mouse would.
 */
export class FakeUPlot {
  static instances: FakeUPlot[] = [];
  cursor: { idx: number | null } = { idx: null };
  select = { left: 0, top: 0, width: 0, height: 0 };
  shown = new Map<number, boolean>();
  destroyed = false;
  dataSets: uPlot.AlignedData[] = [];

  constructor(
    public opts: uPlot.Options,
    public data: uPlot.AlignedData,
    public target: HTMLElement,
  ) {
    FakeUPlot.instances.push(this);
    this.dataSets.push(data);
  }

  static last(): FakeUPlot {
    const last = FakeUPlot.instances.at(-1);
    if (!last) throw new Error("no chart was created");
    return last;
  }

  setData(data: uPlot.AlignedData) {
    this.data = data;
    this.dataSets.push(data);
  }
  setSeries(index: number, opts: { show?: boolean }) {
    if (opts.show !== undefined) this.shown.set(index, opts.show);
  }
  setSize() {}
  setCursor(opts: { left: number; top: number }) {
    this.cursor.idx = opts.left < 0 ? null : (this.data[0] as number[]).indexOf(this.posToVal(opts.left, "x"));
  }
  setSelect(opts: { left: number; top: number; width: number; height: number }) {
    this.select = opts;
  }
  destroy() {
    this.destroyed = true;
  }
  /** One CSS pixel per second of the x axis, from its first value. */
  valToPos(value: number, _scale?: string) {
    return value - ((this.data[0] as number[])[0] ?? 0);
  }
  posToVal(pos: number, _scale?: string) {
    return pos + ((this.data[0] as number[])[0] ?? 0);
  }

  fire(hook: "setCursor" | "setSelect") {
    const hooks = this.opts.hooks?.[hook];
    const list = Array.isArray(hooks) ? hooks : hooks ? [hooks] : [];
    for (const h of list) (h as (u: unknown) => void)(this);
  }
}
