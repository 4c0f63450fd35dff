import { describe, expect, it } from "vitest";
import { activityByDay, cooccurrenceEdges, tableCsv } from "@/lib/insights";

describe("cooccurrenceEdges", () => {
  it("counts each pair once per group, however often an entity is named in it", () => {
    const edges = cooccurrenceEdges([
      { group: "p1", entityId: "putin" },
      { group: "p1", entityId: "kremlin" },
      { group: "p1", entityId: "putin" },
      { group: "p2", entityId: "putin" },
      { group: "p2", entityId: "kremlin" },
      { group: "p2", entityId: "tbilisi" },
      { group: "p3", entityId: "tbilisi" },
    ]);
    expect(edges).toEqual([
      { source: "kremlin", target: "putin", weight: 2 },
      { source: "kremlin", target: "tbilisi", weight: 1 },
      { source: "putin", target: "tbilisi", weight: 1 },
    ]);
  });

  it("drops pairs rarer than minWeight; nothing in, nothing out", () => {
    expect(cooccurrenceEdges([{ group: "a", entityId: "x" }, { group: "a", entityId: "y" }], 2)).toEqual([]);
    expect(cooccurrenceEdges([])).toEqual([]);
  });
});

describe("activityByDay", () => {
  it("buckets by UTC day, person and kind", () => {
    const ann = { authorId: "a", authorName: "Ann" };
    const rows = activityByDay([
      { ...ann, kind: "ENTITY", createdAt: new Date("2026-03-01T23:59:00Z") },
      { ...ann, kind: "ENTITY", createdAt: new Date("2026-03-01T00:00:00Z"), count: 2 },
      { ...ann, kind: "NOTE", createdAt: new Date("2026-03-01T12:00:00Z") },
      { authorId: "b", authorName: "Bob", kind: "ENTITY", createdAt: new Date("2026-03-02T00:00:01Z") },
    ]);
    expect(rows).toEqual([
      { day: "2026-03-01", authorId: "a", authorName: "Ann", kind: "ENTITY", count: 3 },
      { day: "2026-03-01", authorId: "a", authorName: "Ann", kind: "NOTE", count: 1 },
      { day: "2026-03-02", authorId: "b", authorName: "Bob", kind: "ENTITY", count: 1 },
    ]);
  });
});

describe("tableCsv", () => {
  it("quotes what needs it, doubles quotes, ends lines with CRLF and keeps formulas as text", () => {
    const csv = tableCsv({
      title: "Entities",
      columns: [{ key: "name", label: "Entity" }, { key: "n", label: "Mentions", numeric: true }],
      rows: [{ name: "Альянс патриотов, \"Грузия\"", n: 3 }, { name: "=HYPERLINK(\"x\")", n: -1 }, { name: "line\nbreak", n: 0 }],
    });
    expect(csv).toBe('Entity,Mentions\r\n"Альянс патриотов, ""Грузия""",3\r\n"\'=HYPERLINK(""x"")",-1\r\n"line\nbreak",0\r\n');
  });
});
