import { describe, expect, test } from "vitest";
import { isAddressAllowed, isPublicAddress, parseAllowEntry, parseAllowList } from "./allow-list";

describe("isPublicAddress", () => {
  test.each([
    ["93.184.216.34", true],
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["127.255.0.9", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["172.32.0.1", true],
    ["192.168.1.1", false],
    ["169.254.169.254", false], // cloud metadata
    ["100.64.0.1", false], // carrier-grade NAT
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd00::1", false],
    ["::ffff:127.0.0.1", false], // IPv4-mapped loopback
    ["::ffff:10.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["not an ip", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("parseAllowEntry", () => {
  test.each([
    ["127.0.0.1", { host: "127.0.0.1", port: null }],
    ["127.0.0.1:3307", { host: "127.0.0.1", port: 3307 }],
    [" Intranet.Example ", { host: "intranet.example", port: null }],
    ["*.corp.example:8080", { host: "*.corp.example", port: 8080 }],
    ["10.0.0.0/8", { host: "10.0.0.0/8", port: null }],
    ["::1", { host: "::1", port: null }],
    ["[::1]:8080", { host: "::1", port: 8080 }],
    ["fd00::/8", { host: "fd00::/8", port: null }],
  ])("%s", (raw, expected) => {
    expect(parseAllowEntry(raw)).toEqual(expected);
  });

  test.each(["host:0", "host:70000", "host:abc", "10.0.0.0/33", "bad host", "[nope]", "a:b:c:"])("rejects %s", (raw) => {
    expect(typeof parseAllowEntry(raw)).toBe("string");
  });

  test("parseAllowList splits on commas, ignores blanks and names a bad entry", () => {
    expect(parseAllowList(" 127.0.0.1:1, ,localhost ")).toEqual([
      { host: "127.0.0.1", port: 1 },
      { host: "localhost", port: null },
    ]);
    expect(parseAllowList("")).toEqual([]);
    expect(() => parseAllowList("ok.example, 999.1.1.1/40")).toThrow(/999\.1\.1\.1\/40/);
  });
});

describe("isAddressAllowed", () => {
  const allow = parseAllowList("127.0.0.1:3307,intranet.example,10.20.0.0/16,*.lab.example:8443");

  test("public addresses are always allowed", () => {
    expect(isAddressAllowed("example.com", "93.184.216.34", 443, [])).toBe(true);
  });
  test("loopback only on the allow-listed port", () => {
    expect(isAddressAllowed("127.0.0.1", "127.0.0.1", 3307, allow)).toBe(true);
    expect(isAddressAllowed("127.0.0.1", "127.0.0.1", 3300, allow)).toBe(false);
    expect(isAddressAllowed("localhost", "127.0.0.1", 3307, allow)).toBe(true);
    expect(isAddressAllowed("localhost", "::1", 3307, allow)).toBe(false);
  });
  test("a host name entry allows whatever that name resolves to", () => {
    expect(isAddressAllowed("intranet.example", "192.168.5.5", 80, allow)).toBe(true);
    expect(isAddressAllowed("other.example", "192.168.5.5", 80, allow)).toBe(false);
  });
  test("CIDR entries and wildcards", () => {
    expect(isAddressAllowed("x", "10.20.3.4", 80, allow)).toBe(true);
    expect(isAddressAllowed("x", "10.21.3.4", 80, allow)).toBe(false);
    expect(isAddressAllowed("a.lab.example", "10.99.0.1", 8443, allow)).toBe(true);
    expect(isAddressAllowed("a.lab.example", "10.99.0.1", 443, allow)).toBe(false);
    expect(isAddressAllowed("lab.example", "10.99.0.1", 8443, allow)).toBe(false);
  });
  test("IPv4-mapped IPv6 matches IPv4 entries", () => {
    expect(isAddressAllowed("127.0.0.1", "::ffff:127.0.0.1", 3307, allow)).toBe(true);
  });
});
