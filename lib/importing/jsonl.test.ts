import { describe, expect, it } from "vitest";

import { ImportError, type ImportErrorCode, parseJsonLine } from "./index";

const BODY = "The council approved the plan on Tuesday after a long debate about costs.";

describe("parseJsonLine accepts", () => {
  it.each([
    {
      name: "plain text with metadata",
      line: JSON.stringify({
        title: "Plan approved",
        text: `${BODY}\n\nSecond paragraph.`,
        source: "City News",
        sourceUrl: "https://city.example/a",
        author: "Jane Roe",
        publishedAt: "2024-05-31T10:00:00Z",
        language: "en",
      }),
      title: "Plan approved",
      kinds: ["PARAGRAPH", "PARAGRAPH"],
      metadata: { source: "City News", sourceUrl: "https://city.example/a", author: "Jane Roe", publishedAt: "2024-05-31T10:00:00.000Z" },
    },
    {
      name: "Markdown",
      line: JSON.stringify({ markdown: `# Plan approved\n\n${BODY}\n\n- one` }),
      title: "Plan approved",
      kinds: ["PARAGRAPH", "LIST_ITEM"],
      metadata: {},
    },
    {
      name: "HTML, with null treated as absent",
      line: JSON.stringify({ html: `<title>Plan approved</title><p>${BODY}</p><script>alert(1)</script>`, author: null }),
      title: "Plan approved",
      kinds: ["PARAGRAPH"],
      metadata: {},
    },
  ])("$name", async ({ line, title, kinds, metadata }) => {
    const article = await parseJsonLine(line, 1);
    expect(article.title).toBe(title);
    expect(article.paragraphs.map((p) => p.kind)).toEqual(kinds);
    expect(article.paragraphs[0]?.text).toBe(BODY);
    expect(article.metadata).toEqual(metadata);
    expect(article.language).toBe("en");
  });
});

describe("parseJsonLine's project", () => {
  it("is returned as written (trimmed), beside the article, for the importer to resolve; absent or null when not given", async () => {
    expect((await parseJsonLine(JSON.stringify({ text: BODY, project: "  Politics desk " }), 1)).project).toBe("Politics desk");
    expect((await parseJsonLine(JSON.stringify({ text: BODY, project: "<script>alert(1)</script>" }), 1)).project).toBe("<script>alert(1)</script>");
    expect(await parseJsonLine(JSON.stringify({ text: BODY }), 1)).not.toHaveProperty("project");
    expect(await parseJsonLine(JSON.stringify({ text: BODY, project: null }), 1)).not.toHaveProperty("project");
  });
});

describe("parseJsonLine rejects", () => {
  it.each<[string, string, ImportErrorCode, RegExp]>([
    ["broken JSON", `{"text": "a"`, "INVALID_JSON", /invalid JSON/],
    ["an empty line", "", "INVALID_JSON", /invalid JSON/],
    ["an array", `["text"]`, "INVALID_JSON", /expected a JSON object, got an array/],
    ["a string", `"text"`, "INVALID_JSON", /got a string/],
    ["null", "null", "INVALID_JSON", /got null/],
    ["an unknown field", `{"text": "a", "body": "b"}`, "UNKNOWN_FIELD", /unknown field "body"/],
    ["a __proto__ field", `{"text": "a", "__proto__": {}}`, "UNKNOWN_FIELD", /"__proto__"/],
    ["no body", `{"title": "T"}`, "MISSING_TEXT", /one of "text", "html", "markdown" is required/],
    ["only null bodies", `{"text": null}`, "MISSING_TEXT", /required/],
    ["two bodies", `{"text": "a", "html": "<p>b</p>"}`, "INVALID_FIELD", /only one of/],
    ["a number title", `{"text": "a", "title": 42}`, "INVALID_FIELD", /"title" must be a string, got a number/],
    ["an object author", `{"text": "a", "author": {"name": "x"}}`, "INVALID_FIELD", /"author" must be a string, got an object/],
    ["a javascript: URL", `{"text": "a", "sourceUrl": "javascript:alert(1)"}`, "INVALID_FIELD", /"sourceUrl"/],
    ["a free-form date", `{"text": "a", "publishedAt": "last Tuesday"}`, "INVALID_FIELD", /"publishedAt"/],
    ["an impossible date", `{"text": "a", "publishedAt": "2024-02-31"}`, "INVALID_FIELD", /"publishedAt"/],
    ["a bad language tag", `{"text": "a", "language": "english!"}`, "INVALID_FIELD", /"language"/],
    ["an empty text", `{"text": "   "}`, "EMPTY", /empty/],
    ["binary text", `{"text": "\\u0000\\u0001"}`, "BINARY", /binary/],
    ["an empty project", `{"text": "a", "project": "  "}`, "INVALID_FIELD", /"project" must name a project/],
    ["a numeric project", `{"text": "a", "project": 7}`, "INVALID_FIELD", /"project" must be a string, got a number/],
    ["an object project", `{"text": "a", "project": {"id": "desk"}}`, "INVALID_FIELD", /"project" must be a string, got an object/],
    ["a project name longer than any", JSON.stringify({ text: "a", project: "x".repeat(201) }), "INVALID_FIELD", /1 to 200 characters/],
  ])("%s", async (_name, line, code, message) => {
    let error: unknown;
    try {
      await parseJsonLine(line, 7);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe(code);
    expect((error as ImportError).message).toMatch(/^Line 7: /);
    expect((error as ImportError).message).toMatch(message);
  });

  it("enforces limits with the line number", async () => {
    const line = JSON.stringify({ text: "a.\n\nb.\n\nc." });
    await expect(parseJsonLine(line, 3, { maxParagraphs: 2 })).rejects.toThrow(/^Line 3: The article has 3 paragraphs/);
    await expect(parseJsonLine(line, 4, { maxArticleBytes: 5 })).rejects.toThrow(
      expect.objectContaining({ code: "TOO_LARGE", message: expect.stringMatching(/^Line 4: /) }),
    );
  });
});
