import { describe, expect, it } from "vitest";
import type { ArticleExport } from "./types";
import { exportIris } from "./iris";
import { ANNO_CONTEXT } from "@/lib/annotations/w3c";
import { LAYER_PROPERTY, streamW3CCollection, w3cArticleAnnotations, w3cCollection, w3cPage, type WebAnnotation } from "./w3c";
import { annotationMustFailures, ANNOTATION_MUSTS, satisfies } from "./w3c-schemas/validate";
import { annotatedSample, article, BASE_URL, entityTag, highlight, note, paragraphs } from "./test-fixtures";

const iris = exportIris(BASE_URL);

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** One article with an annotation of every export kind. */
function everyKind(): ArticleExport {
  const [p0, p1, p2] = paragraphs("Путин 👍🏽 встретился с «Газпромом» в Москве.", "Second paragraph, English.", "Третий.");
  const orphan = { ...highlight(p2!, "Третий", { id: "orphan" }), paragraphId: "gone" };
  return {
    article: { slug: "every-kind", title: "Every kind", language: "ru", paragraphs: [p0!, p1!, p2!] },
    annotations: [
      highlight(p0!, "встретился", { id: "hl", color: "pink" }),
      highlight(p1!, "Second", { id: "hl-note" }),
      entityTag(p0!, "Путин", "PER", { id: "per", entity: { id: "e1", name: "Владимир Путин" } }),
      entityTag(p0!, "Москве", "LOC", { id: "loc" }),
      orphan,
    ],
    notes: [
      note(p1!, "A *note*", { id: "n1", annotationId: "hl-note" }),
      note(p1!, "A reply", { id: "n2", annotationId: "hl-note", parentId: "n1" }),
      note(p0!, "On the paragraph", { id: "n3" }),
    ],
  };
}

describe("W3C Web Annotation export", () => {
  const exported = [...w3cArticleAnnotations(everyKind(), iris)];
  const byId = (id: string) => exported.find((annotation) => annotation.id.endsWith(`/${id}`))!;

  it("vendors all fourteen MUST assertions of WPT's annotationMusts.test", () => {
    expect(ANNOTATION_MUSTS).toHaveLength(14);
  });

  it.each([
    ["highlight", "hl"],
    ["highlight with a note", "hl-note"],
    ["entity tag with an entity", "per"],
    ["entity tag without an entity", "loc"],
    ["orphaned annotation", "orphan"],
    ["reply", "n2"],
    ["paragraph note", "n3"],
  ])("a %s passes every MUST of the vendored W3C schemas", (_name, id) => {
    const annotation = byId(id);
    expect(annotation).toBeDefined();
    expect(annotationMustFailures(annotation)).toEqual([]);
    expect(satisfies("annotations.json#/definitions/motivationRecognizedIfPresent", annotation)).toBe(true);
    for (const body of annotation.body ?? []) {
      expect(satisfies("bodyTarget.json#/definitions/optionalBodyPropertiesMust", body)).toBe(true);
      expect(satisfies("bodyTarget.json#/definitions/optionalBodyPurposePropertyShould", body)).toBe(true);
    }
    if (typeof annotation.target !== "string") {
      expect(satisfies("bodyTarget.json#/definitions/optionalTargetPropertiesMust", annotation.target)).toBe(true);
      expect(satisfies("specificResource.json#/definitions/selectorDetected", annotation.target)).toBe(true);
    }
  });

  it("the schemas catch broken annotations (so the checks above can fail)", () => {
    const good = byId("per");
    const broken: unknown[] = [
      { ...good, "@context": "http://example.org/other" },
      { ...good, id: "not a uri" },
      { ...good, target: undefined },
      { ...good, created: "yesterday" },
      { ...good, body: [{ type: "SpecificResource", purpose: "identifying" }] },
      { ...good, bodyValue: "both" },
    ];
    for (const annotation of broken) expect(annotationMustFailures(JSON.parse(JSON.stringify(annotation)))).not.toEqual([]);
  });

  it("maps kinds to motivations and bodies through the registry", () => {
    expect(byId("hl")).toMatchObject({ motivation: "highlighting", target: { styleClass: "pink" } });
    expect(byId("hl").body).toBeUndefined();
    expect(byId("per").motivation).toEqual(["identifying", "classifying"]);
    expect(byId("per").body).toEqual([
      { type: "SpecificResource", purpose: "classifying", source: `${BASE_URL}/entity-types/PER` },
      { type: "SpecificResource", purpose: "identifying", source: `${BASE_URL}/entities/e1` },
    ]);
    expect(byId("loc").body).toEqual([{ type: "SpecificResource", purpose: "classifying", source: `${BASE_URL}/entity-types/LOC` }]);
    expect(byId("hl").creator).toEqual({ id: `${BASE_URL}/users/u-alice`, type: "Person", name: "Alice Example" });
  });

  it("puts a highlight's note in its bodies (commenting) and makes replies and paragraph notes annotations of their own", () => {
    const withNote = byId("hl-note");
    expect(withNote.motivation).toEqual(["highlighting", "commenting"]);
    expect(withNote.body).toEqual([expect.objectContaining({ type: "TextualBody", id: `${BASE_URL}/articles/every-kind/notes/n1`, purpose: "commenting", value: "A *note*", format: "text/markdown" })]);
    expect(byId("n2")).toMatchObject({ motivation: "replying", target: `${BASE_URL}/articles/every-kind/notes/n1` });
    expect(byId("n3")).toMatchObject({ motivation: "commenting", target: { source: `${BASE_URL}/articles/every-kind#p-0`, selector: [{ type: "CssSelector", value: "#p-0" }] } });
    expect(exported.filter((annotation) => annotation.id.endsWith("/n1"))).toEqual([]);
  });

  it("targets the paragraph URL with #p-N refined by quote and position, plus a document-level quote", () => {
    const target = byId("loc").target as Exclude<WebAnnotation["target"], string>;
    const text = "Путин 👍🏽 встретился с «Газпромом» в Москве.";
    const start = text.indexOf("Москве");
    expect(target.source).toBe(`${BASE_URL}/articles/every-kind#p-0`);
    expect(target.selector).toEqual([
      { type: "CssSelector", value: "#p-0", refinedBy: { type: "TextQuoteSelector", exact: "Москве", prefix: text.slice(start - 32, start), suffix: "." } },
      { type: "CssSelector", value: "#p-0", refinedBy: { type: "TextPositionSelector", start, end: start + 6 } },
      // The document-level context runs on into the next paragraph.
      { type: "TextQuoteSelector", exact: "Москве", prefix: text.slice(start - 32, start), suffix: ".\n\nSecond paragraph, English.\n\nТ" },
    ]);
    // An annotation whose paragraph is gone keeps its quote on the article.
    expect(byId("orphan").target).toMatchObject({ source: `${BASE_URL}/articles/every-kind`, selector: [{ type: "TextQuoteSelector", exact: "Третий" }] });
  });

  it("names the project layer of work in one as dcterms:isPartOf, still valid, and nothing for work outside projects", () => {
    const doc = everyKind();
    const inDesk = <T extends { projectId: string | null }>(work: T): T => ({ ...work, projectId: "prj-desk" });
    const layered: ArticleExport = { ...doc, annotations: doc.annotations.map(inDesk), notes: doc.notes.map(inDesk), layers: new Map([["prj-desk", { slug: "politics desk", name: "Politics desk" }]]) };
    const documents = [...w3cArticleAnnotations(layered, iris)];
    expect(documents).toHaveLength(exported.length);
    for (const annotation of documents) {
      expect(annotation[LAYER_PROPERTY]).toEqual({ id: `${BASE_URL}/projects/politics%20desk`, name: "Politics desk" });
      expect(annotationMustFailures(JSON.parse(JSON.stringify(annotation)))).toEqual([]);
    }
    // A JSON-LD processor reads the absolute IRI key whatever the context says.
    expect(LAYER_PROPERTY).toBe("http://purl.org/dc/terms/isPartOf");
    for (const annotation of exported) expect(annotation).not.toHaveProperty([LAYER_PROPERTY]);
  });

  it("pages a collection with first/last/next/prev/partOf/total, valid against collections.json", () => {
    const collection = w3cCollection({ id: `${BASE_URL}/articles/every-kind/annotations/`, label: "Every kind", total: 5, pageSize: 2 });
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: 5, first: `${collection.id}?page=0`, last: `${collection.id}?page=2` });
    const pages = [0, 1, 2].map((index) => w3cPage({ collection: collection.id, index, pageSize: 2, total: 5, items: exported.slice(index * 2, index * 2 + 2) }));
    expect(pages.map((page) => [page.prev ?? null, page.next ?? null, page.startIndex])).toEqual([
      [null, `${collection.id}?page=1`, 0],
      [`${collection.id}?page=0`, `${collection.id}?page=2`, 2],
      [`${collection.id}?page=1`, null, 4],
    ]);
    for (const definition of ["annotationCollectionTypeValueFound", "labelFound", "totalFound", "firstRequiredIfTotalMoreThanZero", "lastFound"]) {
      expect(satisfies(`collections.json#/definitions/${definition}`, collection), definition).toBe(true);
    }
    for (const page of pages) {
      for (const definition of ["annotationPageTypeValueFound", "partOfFound", "startIndexFound", "itemsFound", "nextValidIfPresent", "prevValidIfPresent"]) {
        expect(satisfies(`collections.json#/definitions/${definition}`, page), definition).toBe(true);
      }
    }
    const empty = w3cCollection({ id: collection.id, label: "Empty", total: 0, pageSize: 2 });
    expect(empty.first).toBeUndefined();
    expect(satisfies("collections.json#/definitions/firstRequiredIfTotalMoreThanZero", empty)).toBe(true);
    expect(satisfies("collections.json#/definitions/firstRequiredIfTotalMoreThanZero", { ...collection, first: undefined })).toBe(false);
  });

  it("streams a whole export as one valid JSON-LD collection, the sample story and an empty article included", async () => {
    const empty: ArticleExport = { article: article("empty", []), annotations: [], notes: [] };
    const text = await collect(streamW3CCollection([annotatedSample(), empty, everyKind()], { iris, id: `${BASE_URL}/exports/all`, label: "All" }));
    const document = JSON.parse(text) as { total: number; first: { items: WebAnnotation[] } };
    expect(document).toMatchObject({ "@context": ANNO_CONTEXT, type: "AnnotationCollection", total: 15, last: `${BASE_URL}/exports/all?page=0` });
    expect(document.first.items).toHaveLength(15);
    expect(satisfies("collections.json#/definitions/firstFound", document)).toBe(true);
    expect(satisfies("collections.json#/definitions/itemsFound", document.first)).toBe(true);
    for (const annotation of document.first.items) expect(annotationMustFailures(annotation)).toEqual([]);

    const nothing = JSON.parse(await collect(streamW3CCollection([], { iris, id: `${BASE_URL}/exports/none`, label: "None" })));
    expect(nothing).toMatchObject({ total: 0, first: { items: [] } });
  });
});
