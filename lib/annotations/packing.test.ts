import { describe, expect, it } from "vitest";
import { describeRange } from "@/lib/anchoring";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { packReaderState, unpackReaderState } from "./packing";

const paragraphs = [
  { id: "p1", text: "Власти России разделяют озабоченность 👍🏽 нынешним состоянием связей." },
  { id: "p2", text: "“Альянс патриотов Грузии” попросил помощи у Путина." },
];
const alice = { id: "u1", name: "Alice", color: "#b45309" };
const bob = { id: "u2", name: "Bob", color: "#0f766e" };
const person = { id: "t1", key: "PER", label: "Person", color: "#2563eb", hotkey: "1" };

function annotation(overrides: Partial<AnnotationDTO> & { paragraph: number; start: number; end: number }): AnnotationDTO {
  const { paragraph, ...rest } = overrides;
  const quote = describeRange(paragraphs[paragraph]!.text, overrides.start, overrides.end);
  return {
    id: `a${overrides.start}`,
    articleId: "art",
    paragraphId: paragraphs[paragraph]!.id,
    kind: "HIGHLIGHT",
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    color: "yellow",
    entityType: null,
    entity: null,
    visibility: "SHARED",
    anchorStatus: "ANCHORED",
    version: 1,
    author: alice,
    createdAt: "2026-11-27T10:00:00.000Z",
    updatedAt: "2026-11-27T10:05:00.000Z",
    ...rest,
  };
}

describe("packReaderState / unpackReaderState", () => {
  const annotations = [
    annotation({ paragraph: 0, start: 0, end: 6 }),
    annotation({ paragraph: 0, start: 38, end: 42, color: "pink", visibility: "PRIVATE", version: 3 }),
    annotation({ paragraph: 1, start: 1, end: 24, kind: "ENTITY", color: null, entityType: person, entity: { id: "e1", name: "Альянс патриотов Грузии" }, author: bob, anchorStatus: "REANCHORED" }),
  ];
  const notes: NoteDTO[] = [
    { id: "n1", articleId: "art", paragraphId: "p2", annotationId: null, parentId: null, body: "**Note** <script>", visibility: "SHARED", version: 1, author: bob, createdAt: "2026-11-27T11:00:00.000Z", updatedAt: "2026-11-27T11:00:00.000Z" },
    { id: "n2", articleId: "art", paragraphId: "p2", annotationId: null, parentId: "n1", body: "Reply", visibility: "SHARED", version: 2, author: alice, createdAt: "2026-11-27T12:00:00.000Z", updatedAt: "2026-11-27T12:30:00.000Z" },
  ];

  it("round-trips annotations (surrogate pairs, entities, private, re-anchored) and notes exactly", () => {
    const packed = packReaderState(annotations, notes, paragraphs.map((p) => p.id));
    expect(unpackReaderState(JSON.parse(JSON.stringify(packed)), "art", paragraphs)).toEqual({ annotations, notes });
  });

  it("sends each author, type and entity once", () => {
    const packed = packReaderState(annotations, notes, paragraphs.map((p) => p.id));
    expect(packed.authors).toEqual([alice, bob]);
    expect(packed.entityTypes).toEqual([person]);
    expect(packed.entities).toHaveLength(1);
  });

  it("refuses an annotation on a paragraph outside the packed text", () => {
    expect(() => packReaderState([annotation({ paragraph: 0, start: 0, end: 6, paragraphId: "old" })], [], ["p1"])).toThrow(/old/);
  });
});
