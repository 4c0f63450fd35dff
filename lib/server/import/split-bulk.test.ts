import { describe, expect, test } from "vitest";
import { splitJsonLines, splitJsonValues, type BulkItem } from "./split-bulk";

async function collect(split: (pieces: AsyncIterable<string>, max: number) => AsyncGenerator<BulkItem>, pieces: string[], max = 1000): Promise<BulkItem[]> {
  async function* source() {
    yield* pieces;
  }
  const items: BulkItem[] = [];
  for await (const item of split(source(), max)) items.push(item);
  return items;
}

/** Every way of cutting `text` into two pieces must give the same items. */
async function everySplit(split: typeof splitJsonLines, text: string, max = 1000) {
  const whole = await collect(split, [text], max);
  for (let cut = 0; cut <= text.length; cut++) {
    expect(await collect(split, [text.slice(0, cut), text.slice(cut)], max)).toEqual(whole);
  }
  return whole;
}

describe("splitJsonLines", () => {
  test("one item per non-blank line, with its line number; CRLF and BOM handled", async () => {
    const items = await everySplit(splitJsonLines, '\uFEFF{"a":1}\r\n\r\n  \n{"b":"x\\ny"}\n{"c":3}');
    expect(items).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":"x\\ny"}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });

  test("lines over the limit are reported, not buffered", async () => {
    const long = `{"text":"${"я".repeat(50)}"}`;
    const items = await collect(splitJsonLines, ["{}\n", long.slice(0, 20), long.slice(20), "\n{}"], 30);
    expect(items).toEqual([{ line: 1, text: "{}" }, { line: 2, oversized: long.length }, { line: 3, text: "{}" }]);
  });

  test("empty input gives nothing", async () => {
    expect(await collect(splitJsonLines, [""])).toEqual([]);
    expect(await collect(splitJsonLines, ["\n\n  \n"])).toEqual([]);
  });
});

describe("splitJsonValues", () => {
  test("array elements, spanning lines, with strings containing brackets and escapes", async () => {
    const text = '[\n  {"title": "a ] } [ {", "text": "x \\" y"},\n  {\n    "text": "b"\n  }\n]\n';
    const items = await everySplit(splitJsonValues, text);
    expect(items).toEqual([
      { line: 2, text: '{"title": "a ] } [ {", "text": "x \\" y"}' },
      { line: 3, text: '{\n    "text": "b"\n  }' },
    ]);
  });

  test("a single pretty-printed object, or several one after another", async () => {
    expect(await everySplit(splitJsonValues, '{\n "text": "one"\n}\n')).toEqual([{ line: 1, text: '{\n "text": "one"\n}' }]);
    expect(await everySplit(splitJsonValues, '{"text":"a"}\n{"text":"b"}')).toEqual([
      { line: 1, text: '{"text":"a"}' },
      { line: 2, text: '{"text":"b"}' },
    ]);
  });

  test("non-objects and trailing garbage become items that will fail to parse", async () => {
    const items = await everySplit(splitJsonValues, '[1, "s", null, {"text":"ok"}] junk');
    expect(items.map((item) => ("text" in item ? item.text : null))).toEqual(["1", '"s"', "null", '{"text":"ok"}', "junk"]);
  });

  test("an unterminated object ends as one item", async () => {
    expect(await collect(splitJsonValues, ['[{"text": "a"}, {"text": "b"'])).toEqual([
      { line: 1, text: '{"text": "a"}' },
      { line: 1, text: '{"text": "b"' },
    ]);
  });

  test("oversized elements are reported", async () => {
    const items = await collect(splitJsonValues, [`[{"text":"${"x".repeat(100)}"},{"text":"y"}]`], 40);
    expect(items[0]).toMatchObject({ line: 1, oversized: expect.any(Number) });
    expect(items[1]).toEqual({ line: 1, text: '{"text":"y"}' });
  });
});
