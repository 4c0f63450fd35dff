import type { IncomingMessage, ServerResponse } from "node:http";
import net from "node:net";

/**
 * What a hook does with a request: true when it has taken it (Next.js never sees it), false to
 * pass it on. A hook that took a request may still hand it on later, once: `passOn()` gives it to
 * what comes after the hook (the hooks installed before it, then Next.js), as if it had returned false.
 */
export type ServerRequestHook = (request: IncomingMessage, response: ServerResponse, passOn: () => void) => boolean;

/**
 * Runs `hook` on every HTTP request this process's servers receive, before Next.js: `next start`
 * gives route handlers and proxy.ts no Node request or response, so what needs the socket (its
 * address, writing to it directly) starts at the server's `request` event. Installed once per
 * `name` (Next may run instrumentation more than once); the hook installed last runs first.
 */
export function installServerRequestHook(name: string, hook: ServerRequestHook): void {
  const installed = Symbol.for(name);
  // net.Server is the base of http.Server and https.Server alike.
  const prototype = net.Server.prototype as net.Server & { [installed]?: true };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit as (this: net.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: net.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && hook(args[0] as IncomingMessage, args[1] as ServerResponse, () => emit.call(this, event, ...args))) return true;
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}

/** A Node request's headers as Web `Headers` (a repeated header keeps each of its values), for code written against the Fetch API. */
export function webHeadersOf(request: Pick<IncomingMessage, "headers">): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
