import { beforeAll, describe, expect, it } from "vitest";

import { ImportError, type ParsedArticle, type ParsedParagraph, parseMarkdown } from "./index";

const DOCUMENT = `\uFEFF# The *Big* Story\r
\r
Intro with **bold**, _italic_, ~~struck~~, \`code\` and a [link](https://example.com "t").  \r
Hard break.\r
\r
## A [linked](javascript:alert(1)) section\r
\r
> A quoted
> sentence.
>
> > Nested quote with a list:
> > - quoted item

- First item
- Second item with *emphasis*
  - Nested item

  Second paragraph of the second item.
1. Numbered

![diagram](x.png)

Text <b onclick="x()">with inline</b> html and an image ![alt text](y.png) and a footnote[^1].

<div onclick="evil()">
<script>alert(1)</script>
</div>

| Col A | Col B |
| ----- | ----- |
| 1     | 2     |

\`\`\`js
if (x) {
  run();
}
\`\`\`

---

[^1]: The footnote text.
`;

describe("parseMarkdown", () => {
  let article: ParsedArticle;
  beforeAll(async () => {
    article = await parseMarkdown(DOCUMENT);
  });


  it("takes the first h1 as the title, without formatting, and drops it from the body", () => {
    expect(article.title).toBe("The Big Story");
    expect(article.paragraphs.map((p) => p.text)).not.toContain("The Big Story");
  });

  it("maps blocks to kinds and strips formatting to plain text", () => {
    expect(article.paragraphs).toEqual<ParsedParagraph[]>([
      { kind: "PARAGRAPH", text: "Intro with bold, italic, struck, code and a link. Hard break." },
      { kind: "HEADING", text: "A linked section" },
      { kind: "BLOCKQUOTE", text: "A quoted sentence." },
      { kind: "BLOCKQUOTE", text: "Nested quote with a list:" },
      { kind: "BLOCKQUOTE", text: "quoted item" },
      { kind: "LIST_ITEM", text: "First item" },
      { kind: "LIST_ITEM", text: "Second item with emphasis Second paragraph of the second item." },
      { kind: "LIST_ITEM", text: "Nested item" },
      { kind: "LIST_ITEM", text: "Numbered" },
      { kind: "PARAGRAPH", text: "Text with inline html and an image and a footnote." },
      { kind: "PARAGRAPH", text: "Col A | Col B" },
      { kind: "PARAGRAPH", text: "1 | 2" },
      { kind: "PARAGRAPH", text: "if (x) {\n  run();\n}" },
      { kind: "PARAGRAPH", text: "The footnote text." },
    ]);
  });

  it("leaves no markup, URLs or scripts in the output", () => {
    const output = JSON.stringify(article.paragraphs);
    for (const fragment of ["<", "*", "](", "javascript", "alert", "onclick", "example.com", "x.png"]) {
      expect(output).not.toContain(fragment);
    }
  });

  it("warns that a raw HTML block was skipped", () => {
    expect(article.warnings).toEqual([expect.stringMatching(/Raw HTML/)]);
  });

  it.each([
    { name: "meta.title wins and the h1 stays a heading", input: "# Heading\n\nBody text.", meta: { title: "Given" }, title: "Given", first: "Heading" },
    { name: "a leading lower heading is the title when there is no h1", input: "## Sub\n\nBody text.", meta: {}, title: "Sub", first: "Body text." },
    { name: "without headings the title is derived", input: "Body text.\n\nMore.", meta: {}, title: "Body text.", first: "Body text." },
    { name: "only the first h1 is the title", input: "# One\n\nBody.\n\n# Two\n\nMore.", meta: {}, title: "One", first: "Body." },
  ])("$name", async ({ input, meta, title, first }) => {
    const result = await parseMarkdown(input, meta);
    expect(result.title).toBe(title);
    expect(result.paragraphs[0]?.text).toBe(first);
  });

  it.each(["", "  \n\n", "# Only a title\n", "---\n\n![img](x.png)\n"])("rejects %j as EMPTY", async (input) => {
    await expect(parseMarkdown(input)).rejects.toThrow(expect.objectContaining({ code: "EMPTY" }));
  });

  it("enforces the limits", async () => {
    await expect(parseMarkdown("a\n\nb\n\nc", {}, { maxParagraphs: 2 })).rejects.toThrow(
      expect.objectContaining({ code: "TOO_MANY_PARAGRAPHS" }),
    );
    await expect(parseMarkdown("x".repeat(100), {}, { maxArticleBytes: 10 })).rejects.toThrow(ImportError);
  });
});
