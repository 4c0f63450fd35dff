import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { consumeRateLimit, resetRateLimit, type RateRule } from "@/lib/server/auth/rate-limit";

const LIMITED_PATHS = ["/sign-in/email", "/sign-up/email"] as const;

/**
 * Per client address: generous, so an office behind one NAT address can all sign in at 9:00,
 * yet a script trying many accounts from one machine is slowed to two a second.
 */
export const PER_ADDRESS: RateRule = { window: 60, max: 120 };
/**
 * Per account (email): a person who mistypes their password a few times is fine; a loop
 * guessing one account's password gets five tries a minute. A correct password resets it.
 */
export const PER_ACCOUNT: RateRule = { window: 60, max: 5 };

/** The rate-limit key of one client address on one path. */
export const addressKey = (address: string, path: string) => `glossa:address:${address}|${path}`;
const accountKey = (email: string, path: string) => `glossa:account:${email.trim().toLowerCase()}|${path}`;

/**
 * Sign-in and sign-up limits, per client address and per account, in place of better-auth's
 * per-address-only rule for these paths (3 per 10 s, which shuts out an office and is blind to
 * one account being guessed from many addresses). The address is the one the server resolved
 * from the socket and GLOSSA_TRUSTED_PROXIES (CLIENT_IP_HEADER, see instrumentation.ts), never
 * a client's X-Forwarded-For. Over a limit: 429, `{ code, message }` and Retry-After.
 */
export function signInLimits({ enabled }: { enabled: boolean }): BetterAuthPlugin {
  const limited = (path: string | undefined): path is (typeof LIMITED_PATHS)[number] => (LIMITED_PATHS as readonly string[]).includes(path ?? "");
  return {
    id: "glossa-sign-in-limits",
    hooks: {
      before: [
        {
          // Only HTTP requests: the server's own calls (the seed's admin) have no client to limit.
          matcher: (context) => enabled && Boolean(context.request) && limited(context.path),
          handler: createAuthMiddleware(async (context) => {
            const path = context.path;
            // Without the header (a request that did not pass the server's socket hook) everyone shares one bucket: safe, if strict.
            const address = context.headers?.get(CLIENT_IP_HEADER) || "unknown";
            const byAddress = await consumeRateLimit(addressKey(address, path), PER_ADDRESS);
            if (!byAddress.allowed) throw tooManyRequests(byAddress.retryAfter, "Too many attempts from your network");
            const email: unknown = (context.body as { email?: unknown } | undefined)?.email;
            if (typeof email !== "string" || !email.trim()) return;
            const byAccount = await consumeRateLimit(accountKey(email, path), PER_ACCOUNT);
            if (!byAccount.allowed) throw tooManyRequests(byAccount.retryAfter, "Too many attempts for this account");
          }),
        },
      ],
      after: [
        {
          matcher: (context) => enabled && context.path === "/sign-in/email",
          handler: createAuthMiddleware(async (context) => {
            const email: unknown = (context.body as { email?: unknown } | undefined)?.email;
            if (context.context.newSession && typeof email === "string") await resetRateLimit(accountKey(email, "/sign-in/email"));
          }),
        },
      ],
    },
  };
}

function tooManyRequests(retryAfter: number, what: string): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_REQUESTS", message: `${what}. Try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.` },
    { "Retry-After": String(retryAfter) },
  );
}
