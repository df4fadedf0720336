import fc from "fast-check";

/**
 * Mutations of a printed text, for property tests of parsers: characters deleted, inserted or replaced at random
 * places (from the text's own alphabet and from anything), so the parser meets almost-valid input as a person types it.
 */
export function mutated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.constantFrom("delete", "insert", "replace"), fc.nat(), fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom('"', "\\", "{", "}", ",", "=", "!", "~", ":", "-", " ", "\n", "/", "(", ")")));
  return fc.tuple(text, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([start, edits]) =>
    edits.reduce((s, [kind, at, insert]) => {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (kind === "delete") return s.slice(0, i) + s.slice(i + 1);
      if (kind === "insert") return s.slice(0, i) + insert + s.slice(i);
      return s.slice(0, i) + insert + s.slice(i + 1);
    }, start),
  );
}
