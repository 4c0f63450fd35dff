/*
 * Which addresses the URL importer may connect to. Pure (node:net only) so it is unit-tested;
 * fetch-url.ts applies it to every address a host name resolves to, at connection time.
 */
import { BlockList, isIP } from "node:net";

export interface AllowEntry {
  /** Lower-case hostname, `*.suffix` wildcard, IP literal or CIDR (IPv6 without brackets). */
  host: string;
  port: number | null;
}

const HOST_NAME = /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

function withPort(host: string, port: string | undefined, raw: string): AllowEntry | string {
  if (port === undefined) return { host, port: null };
  const value = Number(port);
  return /^\d{1,5}$/.test(port) && value > 0 && value < 65536 ? { host, port: value } : `“${raw.trim()}” has an invalid port.`;
}

/**
 * Parses one `GLOSSA_FETCH_ALLOW_HOSTS` entry: `host`, `*.suffix`, `10.0.0.5`, `10.0.0.0/8`,
 * `::1`, `[::1]`, each optionally with `:port` (IPv6 with a port must be bracketed). Returns
 * the entry, or a message explaining why it is not one.
 */
export function parseAllowEntry(raw: string): AllowEntry | string {
  const entry = raw.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::([^:]*))?$/.exec(entry);
  if (bracketed) {
    return isIP(bracketed[1]!) === 6 ? withPort(bracketed[1]!, bracketed[2], raw) : `“${raw.trim()}” is not an IPv6 address.`;
  }
  if (entry.includes("/")) {
    const [address = "", bits = ""] = entry.split("/");
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    return family !== 0 && /^\d{1,3}$/.test(bits) && Number(bits) <= max ? { host: entry, port: null } : `“${raw.trim()}” is not a valid CIDR range.`;
  }
  if (isIP(entry) === 6) return { host: entry, port: null };
  const [host = "", port, extra] = entry.split(":");
  if (extra !== undefined || !HOST_NAME.test(host)) return `“${raw.trim()}” is not a host name or IP address.`;
  return withPort(host, port, raw);
}

/** Parses the whole comma-separated list; throws with the offending entry named. */
export function parseAllowList(value: string): AllowEntry[] {
  return value
    .split(",")
    .filter((part) => part.trim())
    .map((part) => {
      const entry = parseAllowEntry(part);
      if (typeof entry === "string") throw new Error(`GLOSSA_FETCH_ALLOW_HOSTS: ${entry}`);
      return entry;
    });
}

/** "::ffff:127.0.0.1" → "127.0.0.1": mapped addresses must not sneak past the IPv4 rules. */
export function unmapAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address.toLowerCase();
}

// Everything that is not the public internet: loopback, private, link-local (cloud metadata
// at 169.254.169.254), carrier-grade NAT, multicast, documentation, benchmarking, reserved.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16],
  ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16],
  ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
}
// IPv4-mapped addresses (::ffff:0:0/96) are unmapped before checking, and Node's BlockList
// checks IPv4 addresses against IPv6 rules in mapped form, so that range must not be listed.
for (const [network, prefix] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64],
  ["2001::", 23], ["2001:db8::", 32], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** True for addresses on the public internet; false for loopback, private, link-local and reserved ranges. */
export function isPublicAddress(address: string): boolean {
  const ip = unmapAddress(address);
  const family = isIP(ip);
  if (family === 0) return false;
  return !NON_PUBLIC.check(ip, family === 6 ? "ipv6" : "ipv4");
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith("*.")) return hostname.endsWith(pattern.slice(1));
  return pattern === hostname;
}

function addressMatches(pattern: string, address: string): boolean {
  const ip = unmapAddress(address);
  const family = isIP(ip);
  if (family === 0) return false;
  if (!pattern.includes("/")) return isIP(pattern) !== 0 && unmapAddress(pattern) === ip;
  const [network = "", bits = "0"] = pattern.split("/");
  const networkFamily = isIP(network);
  if (networkFamily !== family) return false;
  const list = new BlockList();
  list.addSubnet(network, Number(bits), family === 6 ? "ipv6" : "ipv4");
  return list.check(ip, family === 6 ? "ipv6" : "ipv4");
}

/**
 * May the importer connect to `address` (what `hostname` resolved to) on `port`? Public
 * addresses always; others only when an allow-list entry names the host or covers the address
 * (and, if the entry has a port, on that port only).
 */
export function isAddressAllowed(hostname: string, address: string, port: number, allow: readonly AllowEntry[]): boolean {
  if (isPublicAddress(address)) return true;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return allow.some(
    (entry) => (entry.port === null || entry.port === port) && (hostMatches(entry.host, host) || addressMatches(entry.host, address)),
  );
}
