import { describe, expect, it } from "vitest";
import { decodeRowKey, encodeRowKey, keysetPage, parsePageRequest, type RowKey } from "./keyset";

const row = (n: number) => ({ id: `id-${String(n).padStart(3, "0")}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)) });
const keyOf = (r: { id: string; at: Date }): RowKey => ({ at: r.at, id: r.id });

describe("row keys in URLs", () => {
  it("round-trip, opaque and URL-safe", () => {
    const key = { at: new Date("2026-12-01T09:00:00.123Z"), id: "cmabc123" };
    const encoded = encodeRowKey(key);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRowKey(encoded)).toEqual(key);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["not JSON", Buffer.from("nope").toString("base64url")],
    ["a wrong shape", Buffer.from(JSON.stringify({ at: "2026-01-01T00:00:00Z", id: "x" })).toString("base64url")],
    ["a bad date", Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url")],
    ["an empty id", Buffer.from(JSON.stringify(["2026-01-01T00:00:00Z", ""])).toString("base64url")],
    ["a number id", Buffer.from(JSON.stringify(["2026-01-01T00:00:00Z", 7])).toString("base64url")],
    ["HTML", Buffer.from('["<script>alert(1)</script>","x"]').toString("base64url")],
    ["huge", "A".repeat(5000)],
  ])("refuse %s", (_, value) => {
    expect(decodeRowKey(value)).toBeNull();
  });
});

describe("parsePageRequest", () => {
  const key = encodeRowKey(keyOf(row(5)));
  it("starts at the start with no cursor, else after or before a key", () => {
    expect(parsePageRequest({})).toEqual({ from: "start" });
    expect(parsePageRequest({ after: key })).toEqual({ from: "after", key: keyOf(row(5)) });
    expect(parsePageRequest({ before: key })).toEqual({ from: "before", key: keyOf(row(5)) });
  });
  it("answers an error for both, a repeated or a broken cursor", () => {
    expect(parsePageRequest({ after: key, before: key })).toHaveProperty("error");
    expect(parsePageRequest({ after: [key, key] })).toHaveProperty("error");
    expect(parsePageRequest({ before: "%%%" })).toHaveProperty("error");
    expect(parsePageRequest({ after: "" })).toHaveProperty("error");
  });
});

describe("keysetPage", () => {
  // 7 rows, newest first: 7..1; pages of 3.
  const newestFirst = [7, 6, 5, 4, 3, 2, 1].map(row);
  const read = (request: ReturnType<typeof parsePageRequest>, size: number) => {
    if ("error" in request) throw new Error(request.error);
    // What the query reads: size + 1 rows beyond the key, in the seek's direction.
    if (request.from === "start") return newestFirst.slice(0, size + 1);
    const index = newestFirst.findIndex((r) => r.id === request.key.id);
    return request.from === "after" ? newestFirst.slice(index + 1, index + 2 + size) : newestFirst.slice(Math.max(0, index - size - 1), index).reverse();
  };
  const walk = (request: ReturnType<typeof parsePageRequest>) => keysetPage(read(request, 3), 3, request as Exclude<typeof request, { error: string }>, keyOf);

  it("walks forward with Next and back with Previous, page for page, to the same rows", () => {
    const first = walk({ from: "start" });
    expect(first.items.map((r) => r.id)).toEqual(["id-007", "id-006", "id-005"]);
    expect(first.previous).toBeNull();
    const second = walk(parsePageRequest({ after: first.next! }));
    expect(second.items.map((r) => r.id)).toEqual(["id-004", "id-003", "id-002"]);
    const third = walk(parsePageRequest({ after: second.next! }));
    expect(third.items.map((r) => r.id)).toEqual(["id-001"]);
    expect(third.next).toBeNull();
    const backToSecond = walk(parsePageRequest({ before: third.previous! }));
    expect(backToSecond.items).toEqual(second.items);
    expect(backToSecond.next).not.toBeNull();
    const backToFirst = walk(parsePageRequest({ before: backToSecond.previous! }));
    expect(backToFirst.items).toEqual(first.items);
    expect(backToFirst.previous).toBeNull();
  });

  it("has no neighbours when everything fits on one page", () => {
    const page = keysetPage(newestFirst.slice(0, 2), 3, { from: "start" }, keyOf);
    expect(page).toMatchObject({ previous: null, next: null });
  });
});
