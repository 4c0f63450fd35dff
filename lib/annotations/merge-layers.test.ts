import { describe, expect, it } from "vitest";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { mergeLayers } from "./merge-layers";

const annotation = (id: string, start: number, end: number) => ({ id, start, end, paragraphId: "p1" }) as AnnotationDTO;
const note = (id: string, createdAt: string) => ({ id, createdAt, paragraphId: "p1" }) as NoteDTO;

describe("mergeLayers", () => {
  it("puts a reader's own rows among the shared ones in reading order: start, longer first, id", () => {
    const shared = { annotations: [annotation("s1", 0, 5), annotation("s2", 10, 12), annotation("s3", 10, 11)], notes: [note("n1", "2026-01-01T00:00:00.000Z"), note("n3", "2026-01-03T00:00:00.000Z")] };
    const own = { annotations: [annotation("o1", 10, 20), annotation("o2", 10, 11), annotation("o0", 0, 5)], notes: [note("n2", "2026-01-02T00:00:00.000Z"), note("n0", "2026-01-03T00:00:00.000Z")] };
    const merged = mergeLayers(shared, own);
    expect(merged.annotations.map((a) => a.id)).toEqual(["o0", "s1", "o1", "s2", "o2", "s3"]);
    expect(merged.notes.map((n) => n.id)).toEqual(["n1", "n2", "n0", "n3"]);
  });

  it("never changes the (cached) shared layer it is given", () => {
    const shared = { annotations: [annotation("s1", 5, 6)], notes: [note("n1", "2026-01-01T00:00:00.000Z")] };
    const frozen = structuredClone(shared);
    const merged = mergeLayers(shared, { annotations: [annotation("o1", 0, 1)], notes: [note("n0", "2025-01-01T00:00:00.000Z")] });
    expect(shared).toEqual(frozen);
    const alone = mergeLayers(shared, null);
    expect(alone.annotations).not.toBe(shared.annotations);
    alone.annotations.push(annotation("x", 0, 0));
    expect(shared).toEqual(frozen);
    expect(merged.annotations).toHaveLength(2);
  });
});
