import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvArticleRows, csvField, streamCsv } from "./csv";
import { annotatedSample, article, entityTag, highlight, paragraphs } from "./test-fixtures";

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** A minimal RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe("CSV export", () => {
  it.each([
    ["plain", "plain"],
    ["comma, inside", '"comma, inside"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["Путин", "Путин"],
  ])("field %j is written as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("numbers are never defused and null is empty", () => {
    expect(csvField(12)).toBe("12");
    expect(csvField(null)).toBe("");
  });

  it("writes one row per annotation with every column, and a BOM only when asked", async () => {
    const sample = annotatedSample();
    const text = await collect(streamCsv([sample], { bom: true }));
    expect(text.startsWith("\uFEFFarticle,paragraph,start,end,exact,kind,entity type,entity,speaker,colour,author,created,note,project\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + sample.annotations.length);
    const byExact = (exact: string) => rows.find((row) => row[4] === exact)!;
    expect(byExact("президента РФ Владимира Путина")).toEqual([
      "kremlin-georgia", "0", String(sample.annotations[4]!.start), String(sample.annotations[4]!.end), "президента РФ Владимира Путина", "ENTITY", "PER", "Владимир Путин", "", "", "Борис", "2026-11-30T09:15:00.000Z", "", "",
    ]);
    // The highlight's note, not the reply to it.
    expect(byExact("Власти России разделяют озабоченность")).toEqual(expect.arrayContaining(["HIGHLIGHT", "green", "Check the **date** of the letter."]));
    expect((await collect(streamCsv([sample]))).startsWith("article,")).toBe(true);
  });

  it("names the project layer of each annotation in the project column (empty outside projects)", () => {
    const [p0] = paragraphs("Песков ответил журналистам в Кремле.");
    const desk = { ...highlight(p0!, "Песков", { id: "desk" }), projectId: "prj-desk" };
    const unnamed = { ...highlight(p0!, "ответил", { id: "unnamed" }), projectId: "prj-unknown" };
    const outside = highlight(p0!, "Кремле", { id: "outside" });
    const layers = new Map([["prj-desk", { slug: "politics-desk", name: "Politics, desk =A1" }]]);
    const rows = parseCsv([...csvArticleRows({ article: article("t", ["Песков ответил журналистам в Кремле."]), annotations: [desk, unnamed, outside], notes: [], layers })].join(""));
    const project = CSV_COLUMNS.indexOf("project");
    expect(rows.map((row) => [row[4], row[project]])).toEqual([
      ["Песков", "Politics, desk =A1"],
      ["ответил", ""],
      ["Кремле", ""],
    ]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it("defuses formula-like quotes and notes, and round-trips quotes with commas, quotes and newlines", () => {
    const [p0] = paragraphs('=1+1, "quoted"\nnext line');
    const doc = { article: article("t", ['=1+1, "quoted"\nnext line']), annotations: [highlight(p0!, '=1+1, "quoted"\nnext', { id: "h" }), entityTag(p0!, "next line", "LOC", { id: "e" })], notes: [] };
    const rows = parseCsv([...csvArticleRows(doc)].join(""));
    expect(rows.map((row) => row[4])).toEqual(["'=1+1, \"quoted\"\nnext", "next line"]);
  });

  it("an empty article gives the header only", async () => {
    expect(await collect(streamCsv([{ article: article("empty", []), annotations: [], notes: [] }]))).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });
});
