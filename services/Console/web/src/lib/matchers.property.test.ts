import fc from "fast-check";
import { mutated } from "../test/mutate";
import { formatMatchers, fromOperator, operators, parseMatchers, type Matcher } from "./matchers";

const labelName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/);
const matcher: fc.Arbitrary<Matcher> = fc.tuple(labelName, fc.constantFrom(...operators), fc.string({ maxLength: 20, unit: "grapheme" })).map(([n, op, v]) => fromOperator(n, op, v));
const matcherLists = fc.array(matcher, { minLength: 1, maxLength: 5 });

/** The parser's contract for any text: matchers, or an error whose position is inside the text. Never a throw. */
function wellFormed(text: string) {
  const parsed = parseMatchers(text);
  if (parsed.error) {
    expect(parsed.error.position).toBeGreaterThanOrEqual(0);
    expect(parsed.error.position).toBeLessThanOrEqual(text.length);
    expect(parsed.error.reason).not.toBe("");
  } else {
    expect(Array.isArray(parsed.matchers)).toBe(true);
  }
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, "s");
    return true;
  } catch {
    return false;
  }
}

test("printed matchers parse back to the same matchers, or to the documented error for a regex that does not compile", () => {
  fc.assert(
    fc.property(matcherLists, (matchers) => {
      const parsed = parseMatchers(formatMatchers(matchers));
      if (matchers.every((m) => !m.isRegex || compiles(m.value))) expect(parsed).toEqual({ matchers });
      else expect(parsed.error?.reason).toMatch(/^invalid regular expression "/);
    }),
  );
});

test("any text answers matchers or a positioned error, never a throw", () => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), wellFormed));
});

test("mutated printed matchers answer matchers or a positioned error, never a throw", () => {
  fc.assert(fc.property(mutated(matcherLists.map(formatMatchers)), wellFormed), { numRuns: 500 });
});
