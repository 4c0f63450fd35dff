import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { corsResponseHeaders } from "@/lib/protocol/cors";
import { AppError, forbidden } from "@/lib/server/errors";
import { credentialsOf } from "@/lib/server/tokens/credentials";
import { checkBodyHeaders, checkNoBodyHeaders, type BodySpec } from "./body";
import { corsPolicy } from "./cors-policy";
import { authorize, bothCredentials, resolveRequest, type Access, type ActorOf } from "./gate";
import { assertSameOrigin, isStateChanging } from "./origin";
import { dataResponse, errorResponse } from "./respond";

export { type Access, type ActorOf } from "./gate";
export { errorResponse } from "./respond";
export { DEFAULT_JSON_LIMIT, formatMegabytes, jsonBody, parseJsonBytes, readCappedBytes, streamBody, type BodySpec } from "./body";

export interface RouteOptions<P, Q, B> {
  /** Completes the refusals: "Sign in to <action>.", "Readers cannot <action>…", "Only administrators can <action>." */
  action: string;
  /** The route's dynamic segments, parsed (see idParams). */
  params?: z.ZodType<P>;
  /** The query string, as an object of strings, parsed. */
  query?: z.ZodType<Q>;
  /** The body: jsonBody(schema), streamBody(…), or a reader of its own. Without one, no body is read. */
  body?: BodySpec<B>;
  /** The status of a successful answer: 200 unless given. */
  status?: number;
  /** Refuse API tokens (403): for managing the tokens themselves, so a leaked token cannot mint more. */
  sessionOnly?: boolean;
}

export interface RouteInput<A, P, Q, B> {
  request: Request;
  actor: A;
  /** The session the request's cookie names (null for an API token or no one): what signing it out ends. */
  sessionId: string | null;
  params: P;
  query: Q;
  body: B;
}

/** A handler as Next calls it. */
export type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

type Gate = Access | "public";
type GateActor<G extends Gate> = G extends Access ? ActorOf<G> : null;
type GateOptions<G extends Gate, P, Q, B> = G extends Access ? RouteOptions<P, Q, B> : Omit<RouteOptions<P, Q, B>, "action">;

/**
 * Makes route handlers that all pass one gate, in one order, so no handler can skip a step:
 * 1. a state-changing request authenticated by its cookies must come from the app's own pages
 *    (403, see assertSameOrigin); one with an API token (`Authorization: Bearer`, which no
 *    foreign page can make a browser send) is exempt, and one with both is refused (400);
 * 2. the body's headers: its media type (415) and stated length (413), before anything is read;
 * 3. authentication (resolveRequest) and the role `access` requires (401/403, see authorize);
 *    the cookies the session lookup made (a renewed session, its cookie cache) go on the answer,
 *    whatever it is, so they reach the browser where Next.js does not set them (the live feed hook);
 * 4. params, query and body parsed with their zod schemas (400), the body capped as it is read
 *    (413) — only now, for a caller already allowed in;
 * 5. the handler, whose result is answered as `{ data }` (a Response it returns is sent as is:
 *    streams, other shapes);
 * and every failure is answered by errorResponse, as `{ error: { code, message, details? } }`.
 * Every answer carries the CORS headers for an allowed origin (GLOSSA_CORS_ORIGINS); a 401 says
 * how to authenticate (WWW-Authenticate), a 429 when to retry (Retry-After).
 */
function gate<G extends Gate>(access: G) {
  return function route<P = undefined, Q = undefined, B = undefined>(
    options: GateOptions<G, P, Q, B>,
    handler: (input: RouteInput<GateActor<G>, P, Q, B>) => Promise<unknown>,
  ): RouteHandler {
    const { params: paramsSchema, query: querySchema, body: bodySpec, status = 200, sessionOnly = false } = options as RouteOptions<P, Q, B>;
    return async (request, context) => {
      return withHeaders(await answer(request, context), corsResponseHeaders(corsPolicy(), request.headers.get("origin")));
    };

    async function answer(request: Request, context: { params: Promise<unknown> }): Promise<Response> {
      let setCookies: string[] = [];
      try {
        const credentials = credentialsOf(request);
        if (credentials.type === "bearer" && credentials.sessionToo) throw bothCredentials();
        if (credentials.type !== "bearer") assertSameOrigin(request, config().trustedOrigins);
        else if (sessionOnly) throw forbidden("API tokens cannot do this: sign in to Glossa in a browser.");
        const bodyHeaders = bodySpec ? checkBodyHeaders(request, bodySpec) : null;
        if (!bodySpec && isStateChanging(request.method)) checkNoBodyHeaders(request);
        const session = access === "public" ? null : await resolveRequest(request);
        setCookies = session?.setCookies ?? [];
        const actor = session ? await authorize(access as Access, (options as RouteOptions<P, Q, B>).action, session.actor) : null;
        const input = {
          request,
          actor: actor as GateActor<G>,
          sessionId: session?.sessionId ?? null,
          params: (paramsSchema ? paramsSchema.parse(await context.params) : undefined) as P,
          query: (querySchema ? querySchema.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined) as Q,
          body: (bodySpec && bodyHeaders ? await bodySpec.read(request, bodyHeaders) : undefined) as B,
        };
        const result = await handler(input);
        return withHeaders(result instanceof Response ? result : dataResponse(result, status), {}, setCookies);
      } catch (error) {
        return withHeaders(withChallenge(errorResponse(error), error), {}, setCookies);
      }
    }
  };
}

/**
 * RFC 9110 requires a 401 to say how to authenticate: an API token (RFC 6750's Bearer scheme,
 * with `error="invalid_token"` when the one sent was refused). A 429 says when to try again.
 */
function withChallenge(response: Response, error: unknown): Response {
  const details = error instanceof AppError ? (error.details as { bearer?: string; retryAfter?: number } | undefined) : undefined;
  const headers: Record<string, string> = {};
  if (response.status === 401) headers["WWW-Authenticate"] = `Bearer realm="Glossa"${details?.bearer ? `, error="${details.bearer}"` : ""}`;
  if (response.status === 429 && details?.retryAfter) headers["Retry-After"] = String(details.retryAfter);
  return withHeaders(response, headers);
}

/**
 * Adds headers to a response (and Set-Cookie headers, each its own), copying it first when its
 * headers are immutable (Response.redirect's).
 */
function withHeaders(response: Response, headers: Record<string, string>, setCookies: readonly string[] = []): Response {
  const entries = Object.entries(headers);
  if (entries.length === 0 && setCookies.length === 0) return response;
  const add = (target: Response) => {
    for (const [name, value] of entries) target.headers.set(name, value);
    for (const cookie of setCookies) target.headers.append("Set-Cookie", cookie);
    return target;
  };
  try {
    return add(response);
  } catch {
    return add(new Response(response.body, response));
  }
}

/** No authentication at all (health checks): still origin-checked and capped like every route. */
export const publicRoute = gate("public");
/** Anyone who may read the library: anonymous visitors too, unless GLOSSA_REQUIRE_SIGN_IN. */
export const readerRoute = gate("reader");
/** Annotators and admins. */
export const annotatorRoute = gate("annotator");
/** Admins only. */
export const adminRoute = gate("admin");

/** A params schema for dynamic segments that are ids: `idParams("articleId")`. */
export function idParams<K extends string>(...keys: K[]): z.ZodType<Record<K, string>> {
  const id = z.string().trim().min(1, "is required").max(200, "is not a valid id");
  return z.object(Object.fromEntries(keys.map((key) => [key, id]))) as unknown as z.ZodType<Record<K, string>>;
}
