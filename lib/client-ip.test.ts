import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientIp } from "@/lib/client-ip";

const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 ::1,fd00::/8")!;
const none = parseTrustedProxies(undefined)!;

describe("resolveClientIp", () => {
  it.each([
    // [peer, X-Forwarded-For, trusted list, client]
    ["203.0.113.7", undefined, none, "203.0.113.7"],
    // Nobody is trusted: whatever the client writes in X-Forwarded-For is ignored.
    ["203.0.113.7", "198.51.100.1", none, "203.0.113.7"],
    ["203.0.113.7", "198.51.100.1, 10.0.0.1", none, "203.0.113.7"],
    // An untrusted peer cannot borrow a trusted proxy's voice.
    ["203.0.113.7", "1.2.3.4", trusted, "203.0.113.7"],
    // Behind one trusted proxy: the address it saw.
    ["127.0.0.1", "198.51.100.1", trusted, "198.51.100.1"],
    // A client that prepends its own made-up hops: the right-most untrusted one counts.
    ["127.0.0.1", "6.6.6.6, 7.7.7.7, 198.51.100.1", trusted, "198.51.100.1"],
    // Two trusted proxies in a row (10.x behind the local one).
    ["127.0.0.1", "198.51.100.1, 10.1.2.3", trusted, "198.51.100.1"],
    // Several X-Forwarded-For headers arrive joined with commas; spaces vary.
    ["127.0.0.1", "5.5.5.5,198.51.100.1 ,  10.1.2.3", trusted, "198.51.100.1"],
    // Every hop is trusted: the furthest one is the client.
    ["127.0.0.1", "10.9.9.9, 10.1.2.3", trusted, "10.9.9.9"],
    // A trusted proxy with no X-Forwarded-For: the proxy itself.
    ["127.0.0.1", undefined, trusted, "127.0.0.1"],
    ["127.0.0.1", "", trusted, "127.0.0.1"],
    // Garbage where an address should be: stop at the last trusted hop, never key on the text.
    ["127.0.0.1", "198.51.100.1, not-an-ip", trusted, "127.0.0.1"],
    ["127.0.0.1", "unknown, 10.1.2.3", trusted, "10.1.2.3"],
    // Spellings: a dual-stack socket's IPv4-mapped peer, brackets and ports, IPv6 case.
    ["::ffff:127.0.0.1", "198.51.100.1", trusted, "198.51.100.1"],
    ["::ffff:203.0.113.7", undefined, none, "203.0.113.7"],
    ["::1", "[2001:DB8::1]:443", trusted, "2001:db8::1"],
    ["::1", "198.51.100.1:5555", trusted, "198.51.100.1"],
    ["fd12::5", "2001:db8::2", trusted, "2001:db8::2"],
    ["2001:db8::9", "198.51.100.1", trusted, "2001:db8::9"],
  ])("peer %s, X-Forwarded-For %j → %s", (peer, forwardedFor, list, client) => {
    expect(resolveClientIp({ peer, forwardedFor, trusted: list })).toBe(client);
  });

  it("knows no client without a peer", () => {
    expect(resolveClientIp({ peer: undefined, forwardedFor: "198.51.100.1", trusted })).toBeNull();
  });

  it("rotating X-Forwarded-For from an untrusted peer always yields the peer", () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => resolveClientIp({ peer: "203.0.113.7", forwardedFor: `10.0.${i}.1`, trusted })));
    expect([...seen]).toEqual(["203.0.113.7"]);
  });
});

describe("parseTrustedProxies", () => {
  it.each(["", " ", "127.0.0.1", "10.0.0.0/8, 192.168.0.0/16", "::1 fd00::/8", "0.0.0.0/0"])("accepts %j", (value) => {
    expect(parseTrustedProxies(value)).not.toBeNull();
  });

  it.each(["localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/8/8", "300.1.1.1", "10.0.0.0/-1", "127.0.0.1;rm"])("refuses %j", (value) => {
    expect(parseTrustedProxies(value)).toBeNull();
  });

  it("trusts exactly the listed ranges", () => {
    const list = parseTrustedProxies("10.0.0.0/8")!;
    expect(list.check("10.255.0.1", "ipv4")).toBe(true);
    expect(list.check("11.0.0.1", "ipv4")).toBe(false);
  });
});
