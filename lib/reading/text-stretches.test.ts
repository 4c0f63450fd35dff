/**
 * The stretches the reader asks for after the first screens, and their URLs, which the text route
 * must accept.
 */
import { describe, expect, it } from "vitest";
import { articleTextQuerySchema, MAX_TEXT_RANGE } from "@/lib/validations/article";
import { textStretchStarts, textStretchUrl } from "./text-stretches";

describe("textStretchStarts", () => {
  it("cuts the rest of a 2,000-paragraph article into stretches that meet exactly", () => {
    expect(MAX_TEXT_RANGE).toBe(500);
    expect(textStretchStarts(12, 2000)).toEqual([12, 512, 1012, 1512]);
  });

  it("asks once when the first screens end on a stretch boundary or hold everything", () => {
    expect(textStretchStarts(1500, 2000)).toEqual([1500]);
    expect(textStretchStarts(1499, 2000)).toEqual([1499, 1999]);
    // Told nothing is left: one request still learns whether the text ended there.
    expect(textStretchStarts(7, 7)).toEqual([7]);
    expect(textStretchStarts(0, 0)).toEqual([0]);
  });
});

describe("textStretchUrl", () => {
  it("asks for one full stretch of the given revision, in a query the text route accepts", () => {
    const url = new URL(textStretchUrl("cm1abc", 3, 512), "http://glossa.test");
    expect(url.pathname).toBe("/api/articles/cm1abc/text");
    const query = Object.fromEntries(url.searchParams);
    expect(query).toEqual({ revision: "3", after: "512", limit: String(MAX_TEXT_RANGE) });
    expect(articleTextQuerySchema.parse(query)).toEqual({ revision: 3, after: 512, limit: MAX_TEXT_RANGE });
  });

  it("keeps a hostile id inside its path segment", () => {
    const url = new URL(textStretchUrl("../../admin?x=1#y", 1, 0), "http://glossa.test");
    expect(url.pathname).toBe("/api/articles/..%2F..%2Fadmin%3Fx%3D1%23y/text");
    expect(url.searchParams.get("after")).toBe("0");
    expect(url.hash).toBe("");
  });
});
