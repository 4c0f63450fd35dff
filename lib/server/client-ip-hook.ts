import type { ServerResponse } from "node:http";
import { CLIENT_IP_HEADER, parseTrustedProxies, resolveClientIp } from "@/lib/client-ip";
import { NODE_SECURITY_HEADERS } from "@/lib/security-headers";
import { installServerRequestHook } from "@/lib/server/server-request-hook";

/**
 * Makes every HTTP request this process serves carry CLIENT_IP_HEADER: the client address
 * resolved from the socket peer, X-Forwarded-For and GLOSSA_TRUSTED_PROXIES (lib/client-ip.ts).
 *
 * Why a hook on the server's `request` event: `next start` gives route handlers and proxy.ts no
 * way to see the socket's address, and it keeps a client's own X-Forwarded-For (it only fills the
 * header in when it is missing), so without this anyone could pick the address better-auth's rate
 * limits count them under. Whatever a client sends in CLIENT_IP_HEADER is replaced.
 * A bad GLOSSA_TRUSTED_PROXIES stops the server at start-up.
 *
 * The same hook answers 400 for a path with a malformed percent-encoding (`/articles/%E0%A4%A`):
 * Next.js fails on such a dynamic segment with a bare 500 before any route or page can refuse it.
 */
export function installClientIpHook(trustedProxies: string | undefined = process.env.GLOSSA_TRUSTED_PROXIES): void {
  const trusted = parseTrustedProxies(trustedProxies);
  if (!trusted) {
    throw new Error(`GLOSSA_TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas (e.g. 127.0.0.1,10.0.0.0/8); got "${trustedProxies}".`);
  }
  installServerRequestHook("glossa.clientIpHook", (request, response) => {
    if (!hasWellFormedPath(request.url)) {
      refuseMalformedPath(response);
      return true;
    }
    const forwarded = request.headers["x-forwarded-for"];
    const client = resolveClientIp({
      peer: request.socket?.remoteAddress,
      forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trusted,
    });
    if (client) request.headers[CLIENT_IP_HEADER] = client;
    else delete request.headers[CLIENT_IP_HEADER];
    return false;
  });
}

/** Whether the path of `url` (a request target such as `/a/b?c`) decodes: every `%` starts a valid UTF-8 escape. */
export function hasWellFormedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split(/[?#]/, 1)[0]!;
  if (!path.includes("%")) return true;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function refuseMalformedPath(response: ServerResponse): void {
  const body = JSON.stringify({ error: { code: "INVALID_INPUT", message: "The address is malformed: it has a % that does not start a valid encoded character." } });
  response.writeHead(400, { ...NODE_SECURITY_HEADERS, "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}
