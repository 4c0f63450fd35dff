import { describe, expect, it } from "vitest";
import { matchesIfNoneMatch, validatorOf } from "./conditional-response";

describe("validators", () => {
  it("are weak, stable for the same parts and different for any other", () => {
    const etag = validatorOf(["annotations", "a1", 3, "17", "99", null, "anonymous"]);
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(validatorOf(["annotations", "a1", 3, "17", "99", null, "anonymous"])).toBe(etag);
    expect(validatorOf(["annotations", "a1", 3, "18", "99", null, "anonymous"])).not.toBe(etag);
    expect(validatorOf(["annotations", "a1", 3, "17", "99", null, "user-1"])).not.toBe(etag);
    // Parts are not concatenated: ("a1", 3) and ("a13") differ.
    expect(validatorOf(["annotations", "a13", "17", "99", null, "anonymous"])).not.toBe(etag);
  });

  it("match If-None-Match by weak comparison, in a list, or *", () => {
    const etag = 'W/"abc"';
    expect(matchesIfNoneMatch('W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc" ', etag)).toBe(true);
    expect(matchesIfNoneMatch("*", etag)).toBe(true);
    expect(matchesIfNoneMatch(null, etag)).toBe(false);
    expect(matchesIfNoneMatch("", etag)).toBe(false);
    expect(matchesIfNoneMatch('W/"abcd"', etag)).toBe(false);
    expect(matchesIfNoneMatch('W/"ab"', etag)).toBe(false);
    expect(matchesIfNoneMatch("<script>".repeat(1000), etag)).toBe(false);
  });
});
