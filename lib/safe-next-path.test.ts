import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next-path";

const ORIGIN = "https://glossa.example";

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/admin/users", "/admin/users"],
    ["/articles/some-slug?revision=2#p-3", "/articles/some-slug?revision=2#p-3"],
    ["/articles/%D1%81%D0%BB%D0%BE%D0%B2%D0%BE", "/articles/%D1%81%D0%BB%D0%BE%D0%B2%D0%BE"],
    ["/articles/слово", "/articles/%D1%81%D0%BB%D0%BE%D0%B2%D0%BE"],
    // Encoded tricks stay encoded inside the path: the browser will not decode them into a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    // Same origin written in full, or relative: still this site, returned as a path.
    [`${ORIGIN}/admin`, "/admin"],
    ["admin", "/admin"],
    ["/a/../admin", "/admin"],
    // A scheme-relative spelling of the same scheme is a path on this site, as the browser reads it.
    ["https:evil.example", "/evil.example"],
  ])("keeps %j on this site as %j", (next, expected) => {
    expect(safeNextPath(next, ORIGIN)).toBe(expected);
  });

  it.each([
    // What URLSearchParams hands over after decoding ?next=/%5Cevil.example, ?next=/%09/evil.example, …
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "//evil.example",
    "///evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "//evil.example/path?next=/",
    "//glossa.example@evil.example",
    "https://evil.example",
    "https://evil.example/admin",
    "http://glossa.example/admin",
    "https://glossa.example:444/admin",
    "https://glossa.example.evil.example/",
    "HTTPS://EVIL.EXAMPLE",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:someone@evil.example",
    "https://[::1]/",
  ])("sends %j home instead", (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe("/");
  });

  it.each([null, undefined, ""])("sends %j home", (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe("/");
  });

  it("compares with the origin it is given (a local instance)", () => {
    expect(safeNextPath("http://localhost:3000/admin", "http://localhost:3000")).toBe("/admin");
    expect(safeNextPath("http://localhost:3001/admin", "http://localhost:3000")).toBe("/");
  });
});
