import { describe, expect, it } from "vitest";
import { spanContext } from "@/lib/format";

describe("spanContext", () => {
  const text = "Песков заявил журналистам во вторник, что Кремль не видит оснований для пересмотра позиции.";
  const start = text.indexOf("Кремль");
  const end = start + "Кремль".length;

  it("keeps short surroundings whole", () => {
    expect(spanContext(text, start, end, 100)).toEqual({ before: text.slice(0, start), after: text.slice(end) });
  });

  it("cuts long surroundings at a word boundary, with an ellipsis on the cut side", () => {
    const { before, after } = spanContext(text, start, end, 20);
    expect(before).toBe("…во вторник, что ");
    expect(after).toBe(" не видит оснований…");
    expect(before.length - 1).toBeLessThanOrEqual(20);
    expect(after.length - 1).toBeLessThanOrEqual(20);
  });

  it("gives empty surroundings at the paragraph's edges", () => {
    expect(spanContext("Кремль", 0, 6, 10)).toEqual({ before: "", after: "" });
  });
});
