import { describe, expect, it } from "vitest";
import { articleConll } from "./conll";
import { csvArticleRows } from "./csv";
import { exportIris } from "./iris";
import { articleMarkdown } from "./markdown";
import { parseW3CAnnotations } from "./parse-w3c";
import { article, BASE_URL, note, spanBase } from "./test-fixtures";
import type { ArticleExport } from "./types";
import { w3cArticleAnnotations } from "./w3c";
import { annotationMustFailures } from "./w3c-schemas/validate";

/** Quotes reach every export through the kind registry alone: no writer names the kind. */

const iris = exportIris(BASE_URL);
const text = "«Мы готовы к диалогу», — заявил Дмитрий Песков журналистам.";

function quoted(): ArticleExport {
  const story = article("quote", [text]);
  const paragraph = story.paragraphs[0]!;
  return {
    article: story,
    annotations: [
      { ...spanBase(paragraph, "Мы готовы к диалогу", { id: "q1" }), kind: "QUOTE", speaker: { id: "peskov", name: "Дмитрий Песков" } },
      { ...spanBase(paragraph, "журналистам", { id: "q2" }), kind: "QUOTE", speaker: null },
    ],
    notes: [note(paragraph, "Source: TASS", { id: "n1", annotationId: "q1" })],
  };
}

describe("quotes in every export", () => {
  const [withSpeaker, without] = [...w3cArticleAnnotations(quoted(), iris)];

  it("W3C: highlighting + linking, the speaker a linking body, valid against the vendored schemas", () => {
    expect(withSpeaker!.motivation).toEqual(["highlighting", "linking", "commenting"]);
    expect(withSpeaker!.body?.[0]).toEqual({ type: "SpecificResource", purpose: "linking", source: `${BASE_URL}/entities/peskov` });
    expect(without!.body).toBeUndefined();
    expect(annotationMustFailures(withSpeaker)).toEqual([]);
    expect(annotationMustFailures(without)).toEqual([]);
  });

  it("parse: comes back as a quote with its speaker's IRI", () => {
    const { items, errors } = parseW3CAnnotations([withSpeaker, without]);
    expect(errors).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({ kind: "QUOTE", fields: { speaker: `${BASE_URL}/entities/peskov` }, notes: [expect.objectContaining({ body: "Source: TASS" })] }),
      expect.objectContaining({ kind: "QUOTE", fields: {} }),
    ]);
  });

  it("CSV: the speaker column", () => {
    const [row] = [...csvArticleRows(quoted())];
    expect(row).toContain(",Мы готовы к диалогу,QUOTE,,,Дмитрий Песков,,Alice Example,");
  });

  it("Markdown: the quote in bold with a footnote naming the speaker", () => {
    const markdown = articleMarkdown(quoted());
    expect(markdown).toContain("«**Мы готовы к диалогу**[^quote-1]»");
    expect(markdown).toContain("[^quote-1]: Said by Дмитрий Песков.\n    Alice Example: Source: TASS");
  });

  it("CoNLL: a quote is not a named entity", () => {
    expect(articleConll(quoted())).not.toMatch(/[BI]-/);
  });
});
