import { readFileSync } from "node:fs";

import { beforeAll, describe, expect, it } from "vitest";

import { ImportError, type ImportErrorCode, type ParsedArticle, parsePlainText, slugify } from "./index";

const SAMPLE = readFileSync(new URL("./fixtures/kremlin-georgia-ru.txt", import.meta.url), "utf8");
const SAMPLE_TITLE = "“Альянс Патриотов Грузии” попросил помощи у Путина";

/** Runs `run` and returns the ImportError it rejects with, failing the test if it does not. */
async function importError(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("parsePlainText on the sample article", () => {
  let article: ParsedArticle;
  beforeAll(async () => {
    article = await parsePlainText(SAMPLE);
  });

  // The file's own blocks, minus the trailing headline, are the expected paragraphs.
  const expected = SAMPLE.split(/\n\s*\n/).slice(0, -1);
  const words = (text: string): string[] => text.trim().split(/\s+/);

  it("takes the last line as the headline", () => {
    expect(SAMPLE.endsWith(SAMPLE_TITLE)).toBe(true);
    expect(article.title).toBe(SAMPLE_TITLE);
  });

  it("finds exactly 7 body paragraphs, without the headline", () => {
    expect(expected).toHaveLength(7);
    expect(article.paragraphs).toHaveLength(7);
    expect(article.paragraphs.every((p) => p.kind === "PARAGRAPH")).toBe(true);
    expect(article.paragraphs.map((p) => p.text)).not.toContain(SAMPLE_TITLE);
  });

  it.each(expected.map((block, index) => [index + 1, block] as const))(
    "paragraph %i starts and ends with the file's words",
    (position, block) => {
      const text = article.paragraphs[position - 1]?.text ?? "";
      expect(words(text)[0]).toBe(words(block)[0]);
      expect(words(text).at(-1)).toBe(words(block).at(-1));
      expect(text).toBe(block.trim());
    },
  );

  it("detects Russian, has no warnings and no metadata", () => {
    expect(article.language).toBe("ru");
    expect(article.warnings).toEqual([]);
    expect(article.metadata).toEqual({});
  });

  it("gives the same result with CRLF line endings and a BOM", async () => {
    await expect(parsePlainText(`\uFEFF${SAMPLE.replace(/\n/g, "\r\n")}`)).resolves.toEqual(article);
  });

  it("slugifies the headline", () => {
    expect(slugify(article.title)).toBe("alyans-patriotov-gruzii-poprosil-pomoshchi-u-putina");
  });
});

describe("parsePlainText normalization", () => {
  it.each([
    ["CRLF", "Title\r\n\r\nLine one\r\nline two.\r\n\r\nSecond.", ["Line one line two.", "Second."]],
    ["CR", "Title\r\rLine one\rline two.\r\rSecond.", ["Line one line two.", "Second."]],
    ["BOM", "\uFEFFTitle\n\nBody.", ["Body."]],
    ["stray whitespace", "  Title \t\n \n\t First   line \n  goes\ton.  \n\n\n\n  Second.  ", ["First line goes on.", "Second."]],
    ["zero-width and control characters", "Title\n\nA\u200Bb\u0007c.\n\nD\u00ADe.", ["Abc.", "De."]],
  ])("%s", async (_name, input, paragraphs) => {
    const article = await parsePlainText(input);
    expect(article.title).toBe("Title");
    expect(article.paragraphs.map((p) => p.text)).toEqual(paragraphs);
  });

  it("composes decomposed characters to NFC", async () => {
    const decomposed = "Мои\u0306 город.";
    expect(decomposed).not.toBe("Мой город.");
    const article = await parsePlainText(`Заголовок\n\n${decomposed}`);
    expect(article.paragraphs[0]?.text).toBe("Мой город.");
  });
});

describe("parsePlainText headline rules", () => {
  it.each([
    {
      name: "last short line without punctuation",
      input: "First paragraph.\n\nSecond paragraph.\n\nThe Headline",
      title: "The Headline",
      paragraphs: ["First paragraph.", "Second paragraph."],
    },
    {
      name: "first line when the last block is a sentence",
      input: "The Headline\n\nFirst paragraph.\n\nSecond paragraph.",
      title: "The Headline",
      paragraphs: ["First paragraph.", "Second paragraph."],
    },
    {
      name: "last line ending in a quote without punctuation before it",
      input: "Body one.\n\nBody two.\n\nPutin: «We are ready»",
      title: "Putin: «We are ready»",
      paragraphs: ["Body one.", "Body two."],
    },
    {
      name: "a quote closing a sentence is not a headline",
      input: "Body one.\n\nHe said: “That is all.”",
      title: "Body one.",
      paragraphs: ["Body one.", "He said: “That is all.”"],
    },
    {
      name: "no headline: derived from the first paragraph, cut at a word",
      input:
        "The committee met on Tuesday to discuss the budget proposal that had been delayed for several months.\n\nIt ended late.",
      // The 80-character cut falls inside "delayed", so the title ends at the word before.
      title: "The committee met on Tuesday to discuss the budget proposal that had been…",
      paragraphs: [
        "The committee met on Tuesday to discuss the budget proposal that had been delayed for several months.",
        "It ended late.",
      ],
    },
    {
      name: "a single block is the article, not a headline",
      input: "Just one line",
      title: "Just one line",
      paragraphs: ["Just one line"],
    },
    {
      name: "a multi-line block is never a headline",
      input: "Body one.\n\nline one\nline two",
      title: "Body one.",
      paragraphs: ["Body one.", "line one line two"],
    },
  ])("$name", async ({ input, title, paragraphs }) => {
    const article = await parsePlainText(input);
    expect(article.title).toBe(title);
    expect(article.paragraphs.map((p) => p.text)).toEqual(paragraphs);
  });

  it("uses meta.title and keeps every block as a paragraph", async () => {
    const article = await parsePlainText("First paragraph.\n\nShort last line", { title: "  Given  title " });
    expect(article.title).toBe("Given title");
    expect(article.paragraphs.map((p) => p.text)).toEqual(["First paragraph.", "Short last line"]);
  });

  it("does not repeat meta.title as a paragraph", async () => {
    const article = await parsePlainText("Given title\n\nBody.", { title: "Given title" });
    expect(article.paragraphs.map((p) => p.text)).toEqual(["Body."]);
  });
});

describe("parsePlainText metadata and language", () => {
  it("passes caller metadata through, cleaned", async () => {
    const article = await parsePlainText("Body text here.", {
      source: " Reuters ",
      sourceUrl: "https://example.com/a",
      author: "Jane  Roe",
      publishedAt: "2024-05-31",
      language: "en_gb",
    });
    expect(article.language).toBe("en-GB");
    expect(article.metadata).toEqual({
      source: "Reuters",
      sourceUrl: "https://example.com/a",
      author: "Jane Roe",
      publishedAt: "2024-05-31T00:00:00.000Z",
    });
    expect(article.warnings).toEqual([]);
  });

  it("drops unusable caller metadata with a warning", async () => {
    const article = await parsePlainText("Body text here.", { sourceUrl: "javascript:alert(1)", publishedAt: "yesterday" });
    expect(article.metadata).toEqual({});
    expect(article.warnings).toHaveLength(2);
  });
});

describe("parsePlainText errors and warnings", () => {
  it.each<[string, () => Promise<unknown>, ImportErrorCode, RegExp]>([
    ["empty", () => parsePlainText(""), "EMPTY", /^The text is empty: paste or upload an article with at least one paragraph\.$/],
    ["whitespace only", () => parsePlainText(" \n\t\r\n \u200B "), "EMPTY", /empty/],
    ["over the byte limit", () => parsePlainText("a".repeat(2_000), {}, { maxArticleBytes: 1_000 }), "TOO_LARGE", /2,000 bytes.*1,000 bytes/],
    ["over the default 5 MB", () => parsePlainText("Заголовок\n\n" + "я".repeat(3 * 1024 * 1024)), "TOO_LARGE", /5 MB/],
    ["too many paragraphs", () => parsePlainText("p.\n\n".repeat(11), {}, { maxParagraphs: 10 }), "TOO_MANY_PARAGRAPHS", /11 paragraphs; the limit is 10/],
    ["NUL bytes", () => parsePlainText("PK\u0003\u0004\u0000\u0000binary"), "BINARY", /binary/],
    ["mostly replacement characters", () => parsePlainText("\uFFFD\uFFFD\uFFFD ab \uFFFD\uFFFD"), "BINARY", /UTF-8/],
  ])("%s", async (_name, run, code, message) => {
    const error = await importError(run);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("warns about very long paragraphs with their number and length", async () => {
    const long = `${"word ".repeat(2_840)}end.`;
    const article = await parsePlainText(`Title\n\nShort.\n\n${long}`);
    expect(article.warnings).toEqual([`Paragraph 2 is very long (14,204 characters).`]);
  });

  it("warns about mojibake", async () => {
    const article = await parsePlainText("Ðîññèÿ è Ãðóçèÿ ïîäïèñàëè ñîãëàøåíèå.\n\nÂòîðîé àáçàö.");
    expect(article.warnings).toEqual([expect.stringMatching(/encoding/)]);
  });
});
