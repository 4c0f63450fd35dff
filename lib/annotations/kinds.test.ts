import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { annotationDTOFromRow, kindColumnsFromInput, refsFrom, type AnnotationRow } from "@/lib/annotations/annotation-row";
import { ANNOTATION_KIND_KEYS, entityMentionKinds, KIND_COLUMNS, KIND_FIELD_NAMES, kindOf, QUOTE_ACCENT, refusedUpdateFields, renderHints, type AnnotationKind, type KindColumns, type RenderHints } from "@/lib/annotations/kinds";
import { packReaderState, unpackReaderState } from "@/lib/annotations/packing";
import { fromW3CAnnotation, toW3CAnnotation, type W3CIris } from "@/lib/annotations/w3c";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validations/annotation";

const paragraph = { id: "p1", text: "«Мы готовы», — заявил 👍🏽 Владимир Путин в Тбилиси." };
const alice = { id: "u1", name: "Alice", color: "#b45309" };
const person = { id: "t-per", key: "PER", label: "Person", color: "#2563eb", hotkey: "1" };
const putin = { id: "e-putin", name: "Владимир Путин" };
const refs = refsFrom({ authors: [alice], entityTypes: [person], entities: [putin] });

/** IRIs under one base; ids come back from them. */
const iris: W3CIris = {
  iri: (table, id) => `https://glossa.test/${table}/${id}`,
  idOf: (table, iri) => (iri.startsWith(`https://glossa.test/${table}/`) ? iri.slice(`https://glossa.test/${table}/`.length) : null),
};

function rowOn(phrase: string, kind: AnnotationKind, columns: Partial<KindColumns>): AnnotationRow {
  const start = paragraph.text.indexOf(phrase);
  return {
    id: `a-${kind}-${start}`,
    articleId: "art",
    paragraphId: paragraph.id,
    kind,
    ...describeRange(paragraph.text, start, start + phrase.length),
    ...Object.fromEntries(KIND_COLUMNS.map((column) => [column, null])),
    ...columns,
    visibility: "SHARED",
    anchorStatus: "ANCHORED",
    version: 2,
    authorId: alice.id,
    createdAt: new Date("2026-11-27T10:00:00.000Z"),
    updatedAt: new Date("2026-11-27T10:05:00.000Z"),
    projectId: null,
  } as AnnotationRow;
}

interface KindCase {
  name: string;
  row: AnnotationRow;
  /** The DTO's kind fields (every other kind field must be null). */
  fields: Record<string, unknown>;
  /** The kind part of a valid create request, and what parsing it makes of it. */
  create: Record<string, unknown>;
  /** A valid change of the kind's own fields. */
  update: Record<string, unknown>;
  w3c: { motivation: unknown; body?: unknown; styleClass?: string };
  render: Partial<RenderHints>;
}

/** One case (at least) per registered kind: a kind without one fails the first test. */
const cases: KindCase[] = [
  {
    name: "a green highlight",
    row: rowOn("Мы готовы", "HIGHLIGHT", { color: "green" }),
    fields: { color: "green" },
    create: { kind: "HIGHLIGHT", color: "green", note: "**why**" },
    update: { color: "pink" },
    w3c: { motivation: "highlighting", styleClass: "green" },
    render: { name: "Highlight", panelLabel: "Highlight (green)", markData: { "data-color": "green" }, outsideLabel: null, accent: "#4ade80" },
  },
  {
    name: "an entity tag linked to its entity",
    row: rowOn("Владимир Путин", "ENTITY", { entityTypeId: person.id, entityId: putin.id }),
    fields: { entityType: person, entity: putin },
    create: { kind: "ENTITY", entityTypeId: person.id, entityId: putin.id },
    update: { entityTypeId: person.id, entityId: putin.id },
    w3c: {
      motivation: ["identifying", "classifying"],
      body: [
        { type: "SpecificResource", purpose: "classifying", source: `https://glossa.test/entityTypes/${person.id}` },
        { type: "SpecificResource", purpose: "identifying", source: `https://glossa.test/entities/${putin.id}` },
      ],
    },
    render: { name: "Person: Владимир Путин", summary: "Владимир Путин → Владимир Путин", markData: { "data-entity-type": "PER" }, markStyle: { "--entity": person.color }, outsideLabel: "Person" },
  },
  {
    name: "an entity tag not (yet) linked to an entity",
    row: rowOn("Тбилиси", "ENTITY", { entityTypeId: person.id }),
    fields: { entityType: person, entity: null },
    create: { kind: "ENTITY", entityTypeId: person.id },
    update: { entityTypeId: person.id },
    w3c: { motivation: ["identifying", "classifying"], body: [{ type: "SpecificResource", purpose: "classifying", source: `https://glossa.test/entityTypes/${person.id}` }] },
    render: { name: "Person", summary: "Тбилиси", outsideLabel: "Person" },
  },
  {
    name: "a quote attributed to its speaker",
    row: rowOn("Мы готовы", "QUOTE", { speakerId: putin.id }),
    fields: { speaker: putin },
    create: { kind: "QUOTE", speakerId: putin.id, note: "Said in Tbilisi" },
    update: { speakerName: "пресс-служба Кремля", speakerTypeId: "t-org" },
    w3c: { motivation: ["highlighting", "linking"], body: [{ type: "SpecificResource", purpose: "linking", source: `https://glossa.test/entities/${putin.id}` }] },
    render: { name: "Quote: Владимир Путин", summary: "Владимир Путин: “Мы готовы”", markData: {}, markStyle: {}, accent: QUOTE_ACCENT, outsideLabel: "Владимир Путин" },
  },
  {
    name: "a quote whose speaker was deleted",
    row: rowOn("готовы", "QUOTE", {}),
    fields: { speaker: null },
    create: { kind: "QUOTE", speakerId: putin.id },
    update: { speakerId: putin.id },
    w3c: { motivation: ["highlighting", "linking"] },
    render: { name: "Quote: unknown speaker", outsideLabel: "unknown speaker" },
  },
];

const selector = (row: AnnotationRow) => ({ paragraphId: row.paragraphId, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix });

describe("the annotation kind registry", () => {
  it("has a table case for every kind, and no two kinds share a W3C motivation", () => {
    expect(new Set(cases.map((c) => c.row.kind))).toEqual(new Set(ANNOTATION_KIND_KEYS));
    for (const kind of ANNOTATION_KIND_KEYS) expect(kindOf(kind).key).toBe(kind);
    const motivations = ANNOTATION_KIND_KEYS.map((kind) => [...kindOf(kind).w3c.motivation].sort().join(" "));
    expect(new Set(motivations).size).toBe(motivations.length);
  });

  it("uses each kind column for one field of a kind at most, and only declared columns", () => {
    for (const kind of ANNOTATION_KIND_KEYS) {
      const columns = Object.values(kindOf(kind).fields).map((spec) => spec.column);
      expect(new Set(columns).size).toBe(columns.length);
      for (const column of columns) expect(KIND_COLUMNS).toContain(column);
    }
  });

  describe.each(cases)("$name", (c) => {
    const dto = annotationDTOFromRow(c.row, refs);

    it("maps row → DTO: its own fields from its columns, every other kind's field null", () => {
      const others = Object.fromEntries(KIND_FIELD_NAMES.filter((name) => !(name in c.fields)).map((name) => [name, null]));
      expect(dto).toEqual({
        id: c.row.id,
        articleId: "art",
        paragraphId: paragraph.id,
        kind: c.row.kind,
        start: c.row.start,
        end: c.row.end,
        exact: c.row.exact,
        prefix: c.row.prefix,
        suffix: c.row.suffix,
        ...c.fields,
        ...others,
        visibility: "SHARED",
        anchorStatus: "ANCHORED",
        version: 2,
        author: alice,
        createdAt: "2026-11-27T10:00:00.000Z",
        updatedAt: "2026-11-27T10:05:00.000Z",
        projectId: null,
      });
    });

    it("maps DTO → W3C Web Annotation (motivation, bodies, selectors) and back to the row", () => {
      const w3c = toW3CAnnotation(dto, iris);
      expect(w3c).toMatchObject({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        id: `https://glossa.test/annotations/${c.row.id}`,
        motivation: c.w3c.motivation,
        creator: { id: `https://glossa.test/users/${alice.id}`, type: "Person", name: alice.name },
        target: {
          source: `https://glossa.test/paragraphs/${paragraph.id}`,
          selector: [
            { type: "TextPositionSelector", start: c.row.start, end: c.row.end },
            { type: "TextQuoteSelector", exact: c.row.exact, prefix: c.row.prefix, suffix: c.row.suffix },
          ],
        },
      });
      expect(w3c.body).toEqual(c.w3c.body);
      expect(w3c.target.styleClass).toBe(c.w3c.styleClass);
      // The project layer is Glossa's own: a Web Annotation does not carry it.
      const { articleId: _a, visibility: _v, anchorStatus: _s, version: _n, projectId: _p, ...w3cPart } = c.row;
      expect(fromW3CAnnotation(JSON.parse(JSON.stringify(w3c)), iris)).toEqual(w3cPart);
    });

    it("packs and unpacks to the same DTO", () => {
      const packed = JSON.parse(JSON.stringify(packReaderState([dto], [], [paragraph.id])));
      expect(unpackReaderState(packed, "art", [paragraph]).annotations).toEqual([dto]);
    });

    it("renders with its own hints", () => {
      expect(renderHints(dto)).toMatchObject(c.render);
    });

    it("accepts its own create fields and sets its columns from them", () => {
      const parsed = createAnnotationSchema.parse({ ...selector(c.row), ...c.create });
      expect(parsed).toMatchObject({ ...c.create, visibility: "SHARED" });
      const { kind: _k, note: _n, ...ownFields } = c.create;
      expect(kindColumnsFromInput(parsed)).toEqual({ ...Object.fromEntries(KIND_COLUMNS.map((column) => [column, null])), ...ownFields });
      expect(refusedUpdateFields(c.row.kind, updateAnnotationSchema.parse({ version: 1, ...c.update }))).toBeNull();
    });

    const ownColumns = new Set<string>(Object.values(kindOf(c.row.kind).fields).map((spec) => spec.column));
    const foreign = cases.filter((other) => other.row.kind !== c.row.kind).flatMap((other) => Object.entries(other.update).filter(([field]) => !ownColumns.has(field)));
    it.each(foreign)("refuses another kind's field %s on create and update", (field, value) => {
      const result = createAnnotationSchema.safeParse({ ...selector(c.row), ...c.create, [field]: value });
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toContain(field);
      expect(refusedUpdateFields(c.row.kind, updateAnnotationSchema.parse({ version: 1, [field]: value }))).toMatchObject({ fields: [field], message: expect.any(String) });
    });
  });

  it("refuses other kinds' fields on update with the kind's own words", () => {
    expect(refusedUpdateFields("HIGHLIGHT", { version: 1, entityTypeId: "t" })?.message).toBe("A highlight has no entity: tag the text as an entity instead.");
    expect(refusedUpdateFields("ENTITY", { version: 1, color: "blue" })?.message).toBe("Entity tags take their colour from their type.");
    // A quote's speaker inputs that are not columns (a new speaker's name and type) are refused on other kinds too.
    expect(refusedUpdateFields("HIGHLIGHT", { version: 1, speakerName: "пресс-служба Кремля" })).toEqual({ fields: ["speakerName"], message: "A highlight has no speaker: mark the words as a quote instead." });
    expect(refusedUpdateFields("QUOTE", { version: 1, entityId: "e" })?.message).toBe("A quote has a speaker, not an entity.");
  });

  it("knows which kinds mention an entity (the entity page lists those), by column", () => {
    // A quote refers to its speaker without mentioning it.
    expect(entityMentionKinds()).toEqual(new Map([["entityId", ["ENTITY"]]]));
    expect(kindOf("QUOTE").fields).toMatchObject({ speaker: { ref: "entities" } });
  });

  it("refuses an unknown kind, naming the registered ones", () => {
    const result = createAnnotationSchema.safeParse({ ...selector(cases[0]!.row), kind: "COMMENT" });
    expect(result.error?.issues[0]?.message).toBe(`kind must be ${ANNOTATION_KIND_KEYS.join(" or ")}`);
  });

  it("throws on a row whose required reference was not looked up, or whose value is not allowed", () => {
    expect(() => annotationDTOFromRow(rowOn("Тбилиси", "ENTITY", { entityTypeId: "missing" }), refs)).toThrow(/missing/);
    expect(() => annotationDTOFromRow(rowOn("Тбилиси", "HIGHLIGHT", { color: "purple" }), refs)).toThrow(/purple/);
  });
});
