import { formatValue } from "./units";

test.each([
  [0.0042, "s", "4.2 ms"],
  [0.0000042, "s", "4.2 µs"],
  [42, "s", "42 s"],
  [125, "s", "2.08 min"],
  [7200, "s", "2 h"],
  [1536, "bytes", "1.5 KiB"],
  [5 * 1024 ** 3, "bytes", "5 GiB"],
  [42, "percent", "42%"],
  [0.42, "percentunit", "42%"],
  [1234, "reqps", "1.23K req/s"],
  [12_500_000, null, "12.5M"],
  [0.125, null, "0.125"],
  [0, null, "0"],
] as const)("%s %s reads %s", (value, unit, text) => expect(formatValue(value, unit)).toBe(text));

test("decimals fix the places", () => {
  expect(formatValue(3, "s", 2)).toBe("3.00 s");
  expect(formatValue(99.5, "percent", 0)).toBe("100%");
});

test("missing and infinite values", () => {
  expect(formatValue(null)).toBe("–");
  expect(formatValue(NaN)).toBe("–");
  expect(formatValue(Infinity)).toBe("+Inf");
});
