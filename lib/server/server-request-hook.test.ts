import { describe, expect, it } from "vitest";
import { webHeadersOf } from "@/lib/server/server-request-hook";

describe("webHeadersOf", () => {
  it("keeps every value of a Node request's headers, repeated ones included, and leaves out absent ones", () => {
    // Node reads header bytes as latin1: UTF-8 in a cookie arrives as one character per byte, and stays so.
    const utf8Cookie = `a=1; b=${Buffer.from("Привет").toString("latin1")}`;
    const headers = webHeadersOf({
      headers: { cookie: utf8Cookie, "x-forwarded-for": "10.0.0.1, 10.0.0.2", "set-cookie": ["one=1", "two=2"], "if-none-match": undefined },
    });
    expect(headers.get("cookie")).toBe(utf8Cookie);
    expect(headers.get("x-forwarded-for")).toBe("10.0.0.1, 10.0.0.2");
    expect(headers.getSetCookie()).toEqual(["one=1", "two=2"]);
    expect(headers.has("if-none-match")).toBe(false);
    expect([...webHeadersOf({ headers: {} })]).toEqual([]);
  });
});
