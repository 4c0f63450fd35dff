import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import { refsFrom, annotationDTOFromRow, type AnnotationRow } from "@/lib/annotations/annotation-row";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { packReaderState, unpackReaderState } from "./packing";

const paragraphs = [
  { id: "p1", text: "Власти России разделяют озабоченность 👍🏽 нынешним состоянием связей." },
  { id: "p2", text: "“Альянс патриотов Грузии” попросил помощи у Путина." },
];
const alice = { id: "u1", name: "Alice", color: "#b45309" };
const bob = { id: "u2", name: "Bob", color: "#0f766e" };
const person = { id: "t1", key: "PER", label: "Person", color: "#2563eb", hotkey: "1" };
const alliance = { id: "e1", name: "Альянс патриотов Грузии" };

function annotation(overrides: Partial<AnnotationRow> & { paragraph: number; start: number; end: number }): AnnotationDTO {
  const { paragraph, ...rest } = overrides;
  const row: AnnotationRow = {
    id: `a${overrides.start}`,
    articleId: "art",
    paragraphId: paragraphs[paragraph]!.id,
    kind: "HIGHLIGHT",
    ...describeRange(paragraphs[paragraph]!.text, overrides.start, overrides.end),
    color: "yellow",
    entityTypeId: null,
    entityId: null,
    speakerId: null,
    visibility: "SHARED",
    anchorStatus: "ANCHORED",
    version: 1,
    authorId: alice.id,
    createdAt: new Date("2026-11-27T10:00:00.000Z"),
    updatedAt: new Date("2026-11-27T10:05:00.000Z"),
    projectId: null,
    ...rest,
  };
  return annotationDTOFromRow(row, refsFrom({ authors: [alice, bob], entityTypes: [person], entities: [alliance] }));
}

describe("packReaderState / unpackReaderState", () => {
  const annotations = [
    annotation({ paragraph: 0, start: 0, end: 6 }),
    annotation({ paragraph: 0, start: 38, end: 42, color: "pink", visibility: "PRIVATE", version: 3 }),
    annotation({ paragraph: 1, start: 1, end: 24, kind: "ENTITY", color: null, entityTypeId: person.id, entityId: alliance.id, authorId: bob.id, anchorStatus: "REANCHORED" }),
    annotation({ paragraph: 1, start: 44, end: 50, kind: "ENTITY", color: null, entityTypeId: person.id, entityId: null }),
  ];
  const notes: NoteDTO[] = [
    { id: "n1", articleId: "art", paragraphId: "p2", annotationId: null, parentId: null, body: "**Note** <script>", visibility: "SHARED", version: 1, author: bob, createdAt: "2026-11-27T11:00:00.000Z", updatedAt: "2026-11-27T11:00:00.000Z", projectId: null },
    { id: "n2", articleId: "art", paragraphId: "p2", annotationId: null, parentId: "n1", body: "Reply", visibility: "SHARED", version: 2, author: alice, createdAt: "2026-11-27T12:00:00.000Z", updatedAt: "2026-11-27T12:30:00.000Z", projectId: null },
  ];

  it("round-trips annotations (surrogate pairs, entities, private, re-anchored) and notes exactly", () => {
    const packed = packReaderState(annotations, notes, paragraphs.map((p) => p.id));
    expect(unpackReaderState(JSON.parse(JSON.stringify(packed)), "art", paragraphs)).toEqual({ annotations, notes });
  });

  it("keeps each row's project layer: the common one sent once, the odd ones by id", () => {
    const layered = [annotation({ paragraph: 0, start: 0, end: 6, projectId: "desk" }), annotation({ paragraph: 0, start: 38, end: 42, projectId: "desk" }), annotation({ paragraph: 1, start: 1, end: 24, projectId: null })];
    const layeredNotes = [{ ...notes[0]!, projectId: "economy" }];
    const packed = packReaderState(layered, layeredNotes, paragraphs.map((p) => p.id));
    expect(packed.layer).toBe("desk");
    expect(packed.otherLayers).toEqual({ a1: null, n1: "economy" });
    expect(unpackReaderState(JSON.parse(JSON.stringify(packed)), "art", paragraphs)).toEqual({ annotations: layered, notes: layeredNotes });
    expect(packReaderState(annotations, notes, paragraphs.map((p) => p.id))).not.toHaveProperty("otherLayers");
  });

  it("sends each author, type and entity once", () => {
    const packed = packReaderState(annotations, notes, paragraphs.map((p) => p.id));
    expect(packed.authors).toEqual([alice, bob]);
    expect(packed.refs).toEqual({ entityTypes: [person], entities: [alliance] });
  });

  it("refuses an annotation on a paragraph outside the packed text", () => {
    expect(() => packReaderState([annotation({ paragraph: 0, start: 0, end: 6, paragraphId: "old" })], [], ["p1"])).toThrow(/old/);
  });
});
