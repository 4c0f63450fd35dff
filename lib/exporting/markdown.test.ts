import { describe, expect, it } from "vitest";
import { articleMarkdown, escapeMarkdown, streamMarkdown } from "./markdown";
import { annotatedSample, article, entityTag, highlight, note, paragraphs } from "./test-fixtures";

describe("Markdown digest", () => {
  it("marks highlights in bold, merges overlapping ones, and escapes Markdown in the text", () => {
    const text = "Он сказал: *важно* [1] и 👍 «да» — всё.";
    const [p0] = paragraphs(text);
    const doc = {
      article: article("t", [text]),
      annotations: [highlight(p0!, "сказал: *важно*", { id: "a" }), highlight(p0!, "*важно* [1]", { id: "b" }), highlight(p0!, "«да»", { id: "c" })],
      notes: [],
    };
    expect(articleMarkdown(doc)).toBe("# Он сказал: \\*важно\\* \\[1\\] и 👍 «да» — всё.\n\nОн **сказал: \\*важно\\* \\[1\\]** и 👍 **«да»** — всё.\n");
  });

  it("the sample story: notes as footnotes with replies, paragraph notes as block quotes, entities listed", () => {
    const markdown = articleMarkdown(annotatedSample());
    expect(markdown).toContain("**Власти России разделяют озабоченность**[^kremlin-georgia-1] нынешним");
    expect(markdown).toContain("[^kremlin-georgia-1]: Alice Example: Check the **date** of the letter.\n    ↳ Борис: It was sent on Thursday; see =HYPERLINK(\"x\")");
    expect(markdown).toContain('> Alice Example: Background paragraph, "quotes", commas');
    expect(markdown).toContain("## Entities\n\n- **Грузией** (Location): «Грузией»\n- **Кремль** (Organisation): «Кремля»\n- **ТАСС** (Organisation): «ТАСС»\n- **Владимир Путин** (Person): «Владимира Путина», «президента РФ Владимира Путина»");
    // Entity tags are listed, not marked in the text.
    expect(markdown).not.toContain("**ТАСС**[");
  });

  it("keeps a multi-line note inside its footnote and a paragraph that looks like a list as text", () => {
    const [p0] = paragraphs("- 1. not a list");
    const doc = { article: article("t", ["- 1. not a list"]), annotations: [highlight(p0!, "not", { id: "h" })], notes: [note(p0!, "line one\nline two", { id: "n", annotationId: "h" })] };
    const markdown = articleMarkdown(doc);
    expect(markdown).toContain("\\- 1. **not**[^t-1] a list");
    expect(markdown).toContain("[^t-1]: Alice Example: line one\n    line two");
  });

  it("an empty article is its title alone; many articles stream with a rule between them", async () => {
    const empty = { article: { ...article("empty", []), title: "Empty" }, annotations: [], notes: [] };
    expect(articleMarkdown(empty)).toBe("# Empty\n");
    let text = "";
    for await (const chunk of streamMarkdown([empty, empty])) text += chunk;
    expect(text).toBe("# Empty\n\n---\n\n# Empty\n");
  });

  it("escapes every inline special", () => {
    expect(escapeMarkdown("a*b_c`d[e]f<g>h\\i")).toBe("a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\\\i");
  });

  it("lists an entity tag without a linked entity under its own text", () => {
    const [p0] = paragraphs("Москва и Москва.");
    const doc = { article: article("t", ["Москва и Москва."]), annotations: [entityTag(p0!, "Москва", "LOC", { id: "1" }), entityTag(p0!, "Москва", "LOC", { id: "2", occurrence: 1 })], notes: [] };
    expect(articleMarkdown(doc)).toContain("## Entities\n\n- **Москва** (Location): «Москва»\n");
  });
});
