import { describe, expect, it } from "vitest";
import { matchQuote } from "@/lib/anchoring";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { exportIris } from "./iris";
import { entityTypeOf, kindFields } from "./kind-fields";
import { parseW3CAnnotations, type ParsedAnnotation, type ParsedNoteItem } from "./parse-w3c";
import { annotatedSample, article, BASE_URL, entityTag, highlight, note, paragraphs } from "./test-fixtures";
import type { ArticleExport } from "./types";
import { streamW3CCollection, w3cArticleAnnotations } from "./w3c";

const iris = exportIris(BASE_URL);

async function exportText(docs: ArticleExport[]): Promise<string> {
  let text = "";
  for await (const chunk of streamW3CCollection(docs, { iris, id: `${BASE_URL}/exports/x`, label: "x" })) text += chunk;
  return text;
}

function mixed(): ArticleExport {
  const [p0, p1] = paragraphs("Путин 👍🏽 встретился с «Газпромом» в Москве, и Путин уехал.", "Второй абзац: Грузия.");
  return {
    article: { slug: "mixed", title: "Mixed", language: "ru", paragraphs: [p0!, p1!] },
    annotations: [
      highlight(p0!, "встретился", { id: "h1", color: "blue" }),
      entityTag(p0!, "Путин", "PER", { id: "e1", occurrence: 1, entity: { id: "putin", name: "Владимир Путин" } }),
      entityTag(p1!, "Грузия", "LOC", { id: "e2" }),
    ].map((item) => ({ ...item, projectId: "desk" })),
    notes: [note(p0!, "Заметка", { id: "n1", annotationId: "h1" }), note(p0!, "Ответ", { id: "n2", annotationId: "h1", parentId: "n1" }), note(p1!, "Об абзаце", { id: "n3" })].map((item) => ({ ...item, projectId: "desk" })),
    // In a project layer: its dcterms:isPartOf is read past like any property the parser does not use.
    layers: new Map([["desk", { slug: "desk", name: "Desk" }]]),
  };
}

/** What an annotation should come back as after export → parse. */
function expected(doc: ArticleExport, annotation: AnnotationDTO) {
  const paragraph = doc.article.paragraphs.find((candidate) => candidate.id === annotation.paragraphId)!;
  const fields: Record<string, string> = {};
  for (const { name, spec, value } of kindFields(annotation)) {
    if (value === null) continue;
    if (!("ref" in spec)) fields[name] = value as string;
    else fields[name] = spec.ref === "entities" ? iris.entity((value as { id: string }).id) : iris.entityType(entityTypeOf(annotation)!.key);
  }
  return {
    type: "annotation",
    id: iris.annotation(doc.article.slug, annotation.id),
    source: iris.paragraph(doc.article.slug, paragraph.position),
    kind: annotation.kind,
    paragraph: paragraph.position,
    quote: { exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix },
    position: { start: annotation.start, end: annotation.end },
    fields,
    notes: doc.notes.filter((n) => n.annotationId === annotation.id && n.parentId === null).map((n) => expect.objectContaining({ body: n.body, id: iris.note(doc.article.slug, n.id), created: n.createdAt })),
    creator: { id: iris.user(annotation.author.id), name: annotation.author.name },
    created: annotation.createdAt,
    modified: annotation.updatedAt,
  };
}

describe("parseW3CAnnotations", () => {
  it("round trip: export → parse gives back every annotation and note, and anchoring places each at its old offsets", async () => {
    const docs = [annotatedSample(), mixed()];
    const result = parseW3CAnnotations(await exportText(docs));
    expect(result.errors).toEqual([]);
    for (const doc of docs) {
      for (const annotation of doc.annotations) {
        const item = result.items.find((candidate) => candidate.id === iris.annotation(doc.article.slug, annotation.id)) as ParsedAnnotation;
        expect(item).toMatchObject(expected(doc, annotation));
        const paragraph = doc.article.paragraphs.find((candidate) => candidate.position === item.paragraph)!;
        const placed = matchQuote(paragraph.text, item.quote, item.position!.start);
        expect(placed && { start: placed.start, end: placed.end }).toEqual({ start: annotation.start, end: annotation.end });
      }
    }
    const notes = result.items.filter((item): item is ParsedNoteItem => item.type === "note");
    expect(notes.map(({ id, paragraph, replyTo, body }) => ({ id, paragraph, replyTo, body }))).toEqual([
      { id: iris.note("kremlin-georgia", "n-2"), paragraph: null, replyTo: iris.note("kremlin-georgia", "n-1"), body: 'It was sent on Thursday; see =HYPERLINK("x")' },
      { id: iris.note("kremlin-georgia", "n-3"), paragraph: 1, replyTo: null, body: 'Background paragraph, "quotes", commas' },
      { id: iris.note("mixed", "n2"), paragraph: null, replyTo: iris.note("mixed", "n1"), body: "Ответ" },
      { id: iris.note("mixed", "n3"), paragraph: 1, replyTo: null, body: "Об абзаце" },
    ]);
    expect(result.items).toHaveLength(docs.reduce((sum, doc) => sum + doc.annotations.length, 0) + 4);
  });

  it("accepts a single annotation, an array and an AnnotationPage", () => {
    const annotations = [...w3cArticleAnnotations(mixed(), iris)];
    expect(parseW3CAnnotations(annotations[0]).items).toHaveLength(1);
    expect(parseW3CAnnotations(annotations).items).toHaveLength(annotations.length);
    expect(parseW3CAnnotations({ type: "AnnotationPage", items: annotations }).items).toHaveLength(annotations.length);
    expect(parseW3CAnnotations({ type: "AnnotationCollection", total: 0 })).toEqual({ items: [], errors: [] });
  });

  it("reads another client's comment on a page quote as a highlight with a note, its paragraph unknown", () => {
    const hypothesisLike = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "https://other.example/a/1",
      type: "Annotation",
      motivation: "commenting",
      body: { type: "TextualBody", value: "Interesting", format: "text/plain" },
      target: { source: `${BASE_URL}/articles/mixed`, selector: [{ type: "TextPositionSelector", start: 120, end: 126 }, { type: "TextQuoteSelector", exact: "Грузия", prefix: "абзац: ", suffix: "." }] },
    };
    const { items, errors } = parseW3CAnnotations(hypothesisLike);
    expect(errors).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({ type: "annotation", kind: "HIGHLIGHT", paragraph: null, position: null, quote: { exact: "Грузия", prefix: "абзац: ", suffix: "." }, notes: [expect.objectContaining({ body: "Interesting" })] }),
    ]);
  });

  it("a FragmentSelector p-N also names the paragraph", () => {
    const { items } = parseW3CAnnotations({ type: "Annotation", motivation: "highlighting", target: { source: `${BASE_URL}/articles/mixed`, selector: { type: "FragmentSelector", value: "p-1", refinedBy: { type: "TextQuoteSelector", exact: "Грузия" } } } });
    expect(items).toEqual([expect.objectContaining({ kind: "HIGHLIGHT", paragraph: 1, quote: { exact: "Грузия" }, position: null, fields: {} })]);
  });

  const target = { source: `${BASE_URL}/articles/mixed#p-0`, selector: { type: "TextQuoteSelector", exact: "Путин" } };
  it.each([
    ["not JSON", "{nope", /^Not JSON/],
    ["a number", 42, /Expected a JSON object or array/],
    ["an unknown type", { type: "Thing" }, /type is missing or unknown/],
    ["a collection without its first page", { type: "AnnotationCollection", total: 3, first: `${BASE_URL}/x?page=0` }, /does not embed its first page/],
  ])("refuses %s as a whole", (_name, input, message) => {
    const result = parseW3CAnnotations(input);
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([{ index: -1, id: null, message: expect.stringMatching(message) }]);
  });

  it.each([
    ["no target", { type: "Annotation", id: "x:1" }, /target/],
    ["an unknown motivation", { type: "Annotation", motivation: "shouting", target }, /motivation/],
    ["a bad date", { type: "Annotation", motivation: "highlighting", created: "yesterday", target }, /created/],
    ["no quote", { type: "Annotation", motivation: "highlighting", target: { source: `${BASE_URL}/articles/mixed#p-0` } }, /no TextQuoteSelector/],
    ["an empty quote", { type: "Annotation", motivation: "highlighting", target: { ...target, selector: { type: "TextQuoteSelector", exact: "" } } }, /exact text is empty/],
    ["a kind Glossa does not have", { type: "Annotation", motivation: "bookmarking", target }, /No Glossa annotation kind has the motivation bookmarking/],
    ["an entity tag without its type", { type: "Annotation", motivation: ["identifying", "classifying"], target }, /needs a SpecificResource body with purpose classifying/],
    ["a colour that is not one", { type: "Annotation", motivation: "highlighting", target: { ...target, styleClass: "mauve" } }, /styleClass mauve is not one of yellow/],
    ["a reversed position", { type: "Annotation", motivation: "highlighting", target: { source: target.source, selector: { type: "CssSelector", value: "#p-0", refinedBy: [{ type: "TextQuoteSelector", exact: "Путин" }, { type: "TextPositionSelector", start: 5, end: 0 }] } } }, /start before its end/],
    ["a reply without text", { type: "Annotation", motivation: "replying", target: `${BASE_URL}/articles/mixed/notes/n1` }, /no TextualBody/],
  ])("reports %s for that item and keeps the others", (_name, bad, message) => {
    const good = [...w3cArticleAnnotations(mixed(), iris)][0];
    const result = parseW3CAnnotations([good, bad]);
    expect(result.items).toHaveLength(1);
    expect(result.errors).toEqual([{ index: 1, id: (bad as { id?: string }).id ?? null, message: expect.stringMatching(message) }]);
  });

  it("an empty article exports nothing and parses back to nothing", async () => {
    expect(parseW3CAnnotations(await exportText([{ article: article("empty", []), annotations: [], notes: [] }]))).toEqual({ items: [], errors: [] });
  });
});
