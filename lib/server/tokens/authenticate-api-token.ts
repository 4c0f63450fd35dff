import "server-only";
import type { Actor, Role } from "@/lib/permissions";
import { directPool } from "@/lib/server/direct-pool";
import { AppError } from "@/lib/server/errors";
import { hashToken, isWellFormedToken } from "@/lib/server/tokens/token-secret";
import { colorForUser } from "@/lib/user-colors";

/** Requests one token may make per minute, across every app instance. */
export const TOKEN_REQUESTS_PER_MINUTE = 600;

/** A 401 for a bearer token, with the RFC 6750 error code the gate puts in WWW-Authenticate. */
export function invalidToken(message: string): AppError {
  return new AppError("UNAUTHENTICATED", message, { bearer: "invalid_token" });
}

/**
 * The user a bearer token acts as, checked and counted in one statement: the token must exist, be
 * unrevoked and belong to an enabled account. The same UPDATE records its last use and counts the
 * request in a one-minute window kept in the row, so the limit holds across instances; past
 * TOKEN_REQUESTS_PER_MINUTE the request is refused with 429 and the seconds to wait.
 */
export async function authenticateApiToken(token: string | null): Promise<Actor> {
  if (token === null || !isWellFormedToken(token)) throw invalidToken("The API token is malformed: send Authorization: Bearer glossa_….");
  const { rows } = await directPool().query<{ id: string; name: string; email: string; role: Role; color: string | null; count: number; retryAfter: number }>(
    `UPDATE "ApiToken" AS "t"
        SET "lastUsedAt" = now() AT TIME ZONE 'UTC',
            "windowCount" = CASE WHEN "t"."windowStart" <= (now() AT TIME ZONE 'UTC') - interval '1 minute' THEN 1 ELSE "t"."windowCount" + 1 END,
            "windowStart" = CASE WHEN "t"."windowStart" <= (now() AT TIME ZONE 'UTC') - interval '1 minute' THEN now() AT TIME ZONE 'UTC' ELSE "t"."windowStart" END
       FROM "user" AS "u"
      WHERE "t"."tokenHash" = $1 AND "t"."revokedAt" IS NULL AND "u"."id" = "t"."userId" AND "u"."disabledAt" IS NULL
  RETURNING "u"."id", "u"."name", "u"."email", "u"."role"::text AS "role", "u"."color", "t"."windowCount" AS "count",
            GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("t"."windowStart" + interval '1 minute' - (now() AT TIME ZONE 'UTC')))))::int AS "retryAfter"`,
    [hashToken(token)],
  );
  const user = rows[0];
  if (!user) throw invalidToken("This API token is not valid: it was revoked, never existed, or its account is disabled.");
  if (user.count > TOKEN_REQUESTS_PER_MINUTE) {
    throw new AppError("RATE_LIMITED", `Too many requests with this API token: at most ${TOKEN_REQUESTS_PER_MINUTE} a minute. Try again in ${user.retryAfter} s.`, { retryAfter: user.retryAfter });
  }
  return { id: user.id, name: user.name, email: user.email, role: user.role, color: user.color ?? colorForUser(user.email) };
}
