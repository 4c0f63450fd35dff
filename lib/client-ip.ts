/*
 * Who is at the other end of a request, for rate limiting. Pure (node:net only), table-tested.
 *
 * `X-Forwarded-For` is written by whoever sends the request, so it says nothing unless the
 * connection comes from a proxy we run: the client is the socket peer, unless that peer is one
 * of GLOSSA_TRUSTED_PROXIES; then it is the right-most address in `X-Forwarded-For` that is not a
 * trusted proxy (each proxy appends the address it received the request from, so everything to
 * the left of the first untrusted hop may be made up).
 */
import { BlockList, isIP } from "node:net";

/** The request header the server sets (replacing whatever a client sent) to the client's address. */
export const CLIENT_IP_HEADER = "x-glossa-client-ip";

/**
 * Parses GLOSSA_TRUSTED_PROXIES: IP addresses and CIDR ranges separated by commas (or spaces),
 * e.g. `127.0.0.1, 10.0.0.0/8, ::1`. Returns null if any entry is neither, so a typo stops the
 * server instead of silently trusting nobody (or the wrong network).
 */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const list = new BlockList();
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const ip = normalizeAddress(address);
    const family = ip ? isIP(ip) : 0;
    if (!ip || !family || rest.length) return null;
    if (prefix === undefined) {
      list.addAddress(ip, family === 4 ? "ipv4" : "ipv6");
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits <= (family === 4 ? 32 : 128))) return null;
    list.addSubnet(ip, bits, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/**
 * The client's address: `peer` (the socket's remote address) unless it is a trusted proxy, then
 * the right-most untrusted entry of `forwardedFor` (the X-Forwarded-For value, several headers
 * joined with commas). Returns null only when the peer is unknown.
 */
export function resolveClientIp({ peer, forwardedFor, trusted }: { peer: string | undefined; forwardedFor: string | undefined; trusted: BlockList }): string | null {
  let client = peer ? normalizeAddress(peer) : null;
  if (!client) return null;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  while (isTrusted(client, trusted)) {
    const hop = hops.pop();
    if (hop === undefined) break;
    const address = normalizeAddress(hop);
    // A trusted proxy passed on something that is not an address: stop at that proxy rather
    // than key the limit on text a client may have chosen.
    if (!address) break;
    client = address;
  }
  return client;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * A bare IP address, or null: `[::1]` and `[::1]:443` lose their brackets and port, `1.2.3.4:80`
 * its port, and an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, as a dual-stack socket reports
 * IPv4 peers) becomes the IPv4 address, so one client has one spelling.
 */
function normalizeAddress(value: string): string | null {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}
