import { describe, expect, it } from "vitest";
import { VersionedCache } from "./versioned-cache";

/** A loader that counts its calls and answers `value`. */
function counted<V>(value: V) {
  const loader = { calls: 0, load: async () => (loader.calls++, value) };
  return loader;
}

describe("VersionedCache", () => {
  it("serves a key's value while its version holds, and loads afresh (replacing it) for another version", async () => {
    const cache = new VersionedCache<string>({ maxEntries: 10 });
    const v1 = counted("one");
    expect(await cache.get("a", "1", v1.load)).toBe("one");
    expect(await cache.get("a", "1", v1.load)).toBe("one");
    expect(v1.calls).toBe(1);
    const v2 = counted("two");
    expect(await cache.get("a", "2", v2.load)).toBe("two");
    expect(v2.calls).toBe(1);
    expect(cache.size).toBe(1);
    // Back to an older version (a reader whose stamp was read before a write): loaded again, never mixed up.
    expect(await cache.get("a", "1", counted("one again").load)).toBe("one again");
  });

  it("shares one load between concurrent readers of the same version", async () => {
    const cache = new VersionedCache<number>({ maxEntries: 10 });
    let release!: (value: number) => void;
    let calls = 0;
    const load = () => (calls++, new Promise<number>((resolve) => (release = resolve)));
    const readers = [cache.get("a", "1", load), cache.get("a", "1", load), cache.get("a", "1", load)];
    release(42);
    expect(await Promise.all(readers)).toEqual([42, 42, 42]);
    expect(calls).toBe(1);
  });

  it("forgets a failed load, so the next reader tries again", async () => {
    const cache = new VersionedCache<string>({ maxEntries: 10 });
    await expect(cache.get("a", "1", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.size).toBe(0);
    expect(await cache.get("a", "1", async () => "back")).toBe("back");
  });

  it("peeks at a held value only at its version, loading nothing, and counts a peek as a use", async () => {
    const cache = new VersionedCache<string>({ maxEntries: 2 });
    expect(cache.peek("a", "1")).toBeUndefined();
    expect(cache.size).toBe(0);
    await cache.get("a", "1", async () => "a");
    await cache.get("b", "1", async () => "b");
    expect(await cache.peek("a", "1")).toBe("a");
    expect(cache.peek("a", "2")).toBeUndefined();
    // a was peeked after b was loaded: b is the least recently used now.
    await cache.get("c", "1", async () => "c");
    expect(await cache.peek("a", "1")).toBe("a");
    expect(cache.peek("b", "1")).toBeUndefined();
  });

  it("drops the least recently used keys beyond maxEntries", async () => {
    const cache = new VersionedCache<string>({ maxEntries: 2 });
    await cache.get("a", "1", async () => "a");
    await cache.get("b", "1", async () => "b");
    await cache.get("a", "1", async () => "a reloaded"); // a is now the most recent
    await cache.get("c", "1", async () => "c");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "1", async () => "a reloaded")).toBe("a");
    expect(await cache.get("b", "1", async () => "b reloaded")).toBe("b reloaded");
  });

  it("keeps the summed weight within maxWeight, but always the newest value", async () => {
    const cache = new VersionedCache<string>({ maxEntries: 100, maxWeight: 10, weigh: (value) => value.length });
    await cache.get("a", "1", async () => "aaaa");
    await cache.get("b", "1", async () => "bbbb");
    await cache.get("c", "1", async () => "cccc");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "1", async () => "evicted")).toBe("evicted");
    await cache.get("huge", "1", async () => "x".repeat(50));
    expect(cache.size).toBe(1);
    expect(await cache.get("huge", "1", async () => "reloaded")).toBe("x".repeat(50));
  });
});
