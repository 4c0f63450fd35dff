import { describe, expect, it } from "vitest";
import { activityByDay, rankEdges, tableCsv } from "@/lib/insights";

describe("rankEdges", () => {
  it("puts the heaviest first, then orders by source and target; nothing in, nothing out", () => {
    const edges = [
      { source: "putin", target: "tbilisi", weight: 1 },
      { source: "kremlin", target: "tbilisi", weight: 1 },
      { source: "kremlin", target: "putin", weight: 2 },
      { source: "kremlin", target: "moscow", weight: 1 },
    ];
    expect(rankEdges(edges)).toEqual([
      { source: "kremlin", target: "putin", weight: 2 },
      { source: "kremlin", target: "moscow", weight: 1 },
      { source: "kremlin", target: "tbilisi", weight: 1 },
      { source: "putin", target: "tbilisi", weight: 1 },
    ]);
    expect(edges[0]!.source).toBe("putin");
    expect(rankEdges([])).toEqual([]);
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
