/**
 * Fuzzing the schemas every mutation is parsed with: whatever a client sends, parsing either
 * succeeds or fails with a ZodError (which the routes answer with 400), and what succeeds can be
 * stored as it is: no NUL, no unpaired surrogate, real dates, integers within PostgreSQL's
 * `integer`, URLs that parse. So no input can reach the database and come back as a 500.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createAnnotationSchema, createNoteSchema, updateAnnotationSchema, updateNoteSchema } from "@/lib/validations/annotation";
import { articleTextQuerySchema, reattachAnnotationSchema, updateArticleSchema } from "@/lib/validations/article";
import { commitSourceSchema, fileFieldsSchema, previewSourceSchema } from "@/lib/validations/import";
import { toIsoDateTime } from "@/lib/validations/iso-date";
import { isStorableText, MAX_INT4 } from "@/lib/validations/storable";
import { updateUserSchema } from "@/lib/validations/user";

const HASH = "f".repeat(64);
const PASTE = { kind: "paste", format: "markdown", text: "Text", title: "T", source: "S", sourceUrl: "https://example.com/a", author: "A", publishedAt: "2024-05-31", language: "ru" };
const URL_SOURCE = { kind: "url", url: "https://example.com/a", repair: "utf8-as-cp1251" };
const TARGET = { mode: "replace", articleId: "a1" };

/** Each schema with inputs it accepts: the fuzzer changes, adds and drops their fields. */
const SCHEMAS: Record<string, { schema: z.ZodType; valid: Record<string, unknown>[] }> = {
  createAnnotationSchema: {
    schema: createAnnotationSchema,
    valid: [
      { kind: "HIGHLIGHT", paragraphId: "p1", start: 0, end: 5, exact: "Hello", prefix: "", suffix: " world", color: "yellow", note: "n", visibility: "SHARED" },
      { kind: "ENTITY", paragraphId: "p1", start: 0, end: 5, exact: "Hello", entityTypeId: "t1", entityId: "e1", visibility: "PRIVATE" },
    ],
  },
  updateAnnotationSchema: { schema: updateAnnotationSchema, valid: [{ version: 1, color: "blue", entityTypeId: "t1", entityId: "e1", visibility: "PRIVATE" }] },
  createNoteSchema: { schema: createNoteSchema, valid: [{ paragraphId: "p1", body: "A note", parentId: "n1", annotationId: "a1", visibility: "SHARED" }] },
  updateNoteSchema: { schema: updateNoteSchema, valid: [{ version: 3, body: "Edited", visibility: "PRIVATE" }] },
  updateArticleSchema: { schema: updateArticleSchema, valid: [{ title: "T", language: "ru", source: "S", sourceUrl: "https://example.com/a", author: "A", publishedAt: "2024-05-31" }] },
  reattachAnnotationSchema: { schema: reattachAnnotationSchema, valid: [{ paragraphId: "p1", start: 2, end: 4, exact: "ll", prefix: "He", suffix: "o" }] },
  articleTextQuerySchema: { schema: articleTextQuerySchema, valid: [{ revision: "2", after: "10", limit: "50" }] },
  previewSourceSchema: { schema: previewSourceSchema, valid: [PASTE, URL_SOURCE] },
  commitSourceSchema: { schema: commitSourceSchema, valid: [{ ...PASTE, target: TARGET, expectedHash: HASH }, { ...URL_SOURCE, target: { mode: "new" } }] },
  fileFieldsSchema: { schema: fileFieldsSchema, valid: [{ encoding: "windows-1251", repair: "koi8-as-cp1251", target: JSON.stringify(TARGET), expectedHash: HASH }] },
  updateUserSchema: { schema: updateUserSchema, valid: [{ role: "READER", disabled: true }] },
};

const RUNS = 1500;

/** Strings that have broken something somewhere: storage, dates, URLs, numbers in query strings. */
const TRICKY = [
  "\u0000", "\uD800", "\uDFFF", "\uDE00\uD83D", "😀", "e\u0301", "Москва", " ", "\t\n", "",
  "2024-13-45", "2024-02-30", "2024-02-29", "2023-02-29", "2024-05-31T25:00", "2024-05-31T10:61:00Z", "2024-05-31T10:00+05:30", "0000-01-01", "9999-12-31T23:59:59.999Z", "2024-05-31 10:00",
  "https://example.com/a", "http://[::1]/", "https://", "javascript:alert(1)", "//evil.example",
  "2147483647", "2147483648", "-1", "1e309", "0x10", "NaN",
  '{"mode":"replace","articleId":"\\u0000"}', '{"mode":"auto"}', "a".repeat(64), "f".repeat(64),
];

const text = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 5 }).map((parts) => parts.join("")),
);
const number = fc.oneof(
  fc.constantFrom(0, 1, -1, MAX_INT4, MAX_INT4 + 1, -MAX_INT4 - 2, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308, 0.5, -0),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function inputs(valid: Record<string, unknown>[]): fc.Arbitrary<unknown> {
  const keys = [...new Set(valid.flatMap(Object.keys))];
  const known = [...new Set(valid.flatMap((example) => Object.values(example)))];
  const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.constantFrom(...known));
  const value = fc.oneof(scalar, scalar, scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(text, scalar, { maxKeys: 3 }));
  // A valid input with some fields replaced, some dropped and maybe a stray one added.
  const mutated = fc
    .record({
      base: fc.constantFrom(...valid),
      replaced: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 2 }),
      dropped: fc.subarray(keys, { maxLength: 1 }),
      extra: fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(text, value, { minKeys: 1, maxKeys: 1 }) }),
    })
    .map(({ base, replaced, dropped, extra }) => {
      const input: Record<string, unknown> = { ...base, ...replaced, ...extra };
      for (const key of dropped) delete input[key];
      return input;
    });
  // Mostly near-valid objects, which reach the field checks; sometimes anything JSON can carry.
  return fc.oneof({ weight: 8, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: scalar });
}

/** Throws (with the path) at the first value of `output` PostgreSQL would refuse or the server could not use. */
function assertStorable(output: unknown, path = "input"): void {
  if (typeof output === "string") {
    // A pasted article's text goes through the importer, which removes control characters and
    // refuses binary (NUL included) with its own 422; it is never stored as sent.
    if (path === "input.text") return;
    if (!isStorableText(output)) throw new Error(`${path} holds text PostgreSQL cannot store: ${JSON.stringify(output)}`);
    if (path.endsWith(".publishedAt") && toIsoDateTime(output) === undefined) throw new Error(`${path} is not a real date: ${output}`);
    if (/\.(sourceUrl|url)$/.test(path)) new URL(output);
  } else if (typeof output === "number") {
    if (!Number.isInteger(output) || Math.abs(output) > MAX_INT4) throw new Error(`${path} = ${output} does not fit PostgreSQL's integer`);
  } else if (Array.isArray(output)) {
    output.forEach((item, index) => assertStorable(item, `${path}[${index}]`));
  } else if (output && typeof output === "object") {
    for (const [key, value] of Object.entries(output)) assertStorable(value, `${path}.${key}`);
  }
}

describe("mutation schemas under arbitrary input", () => {
  it.each(Object.entries(SCHEMAS))("%s either refuses with a ZodError or yields storable data", (_, { schema, valid }) => {
    for (const example of valid) expect(schema.safeParse(example).error).toBeUndefined();
    let accepted = 0;
    fc.assert(
      fc.property(inputs(valid), (input) => {
        const result = schema.safeParse(input);
        if (!result.success) {
          expect(result.error).toBeInstanceOf(z.ZodError);
          return;
        }
        accepted++;
        assertStorable(result.data);
      }),
      { numRuns: RUNS },
    );
    // Not a vacuous pass: many generated inputs got through to the storability check.
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it("the checker itself catches what PostgreSQL refuses", () => {
    expect(() => assertStorable({ body: "a\u0000b" })).toThrow(/cannot store/);
    expect(() => assertStorable({ body: "\uD83D" })).toThrow(/cannot store/);
    expect(() => assertStorable({ publishedAt: "2024-13-45" })).toThrow(/real date/);
    expect(() => assertStorable({ version: 2 ** 31 })).toThrow(/integer/);
    expect(() => assertStorable({ title: "Тбилиси 😀", start: 0, end: MAX_INT4, publishedAt: "2024-02-29" })).not.toThrow();
  });
});
