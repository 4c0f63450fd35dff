import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { checkBodyHeaders, checkNoBodyHeaders, type BodySpec } from "./body";
import { authorizeActor, type Access, type ActorOf } from "./gate";
import { assertSameOrigin, isStateChanging } from "./origin";
import { dataResponse, errorResponse } from "./respond";

export { authorizeActor, type Access, type ActorOf } from "./gate";
export { errorResponse } from "./respond";
export { jsonBody, streamBody, type BodySpec } from "./body";

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
}

export interface RouteInput<A, P, Q, B> {
  request: Request;
  actor: A;
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
 * 1. a state-changing request must come from the app's own pages (403, see assertSameOrigin);
 * 2. the body's headers: its media type (415) and stated length (413), before anything is read;
 * 3. authentication and the role `access` requires (401/403, see authorizeActor);
 * 4. params, query and body parsed with their zod schemas (400), the body capped as it is read
 *    (413) — only now, for a caller already allowed in;
 * 5. the handler, whose result is answered as `{ data }` (a Response it returns is sent as is:
 *    streams, other shapes);
 * and every failure is answered by errorResponse, as `{ error: { code, message, details? } }`.
 */
function gate<G extends Gate>(access: G) {
  return function route<P = undefined, Q = undefined, B = undefined>(
    options: GateOptions<G, P, Q, B>,
    handler: (input: RouteInput<GateActor<G>, P, Q, B>) => Promise<unknown>,
  ): RouteHandler {
    const { params: paramsSchema, query: querySchema, body: bodySpec, status = 200 } = options;
    return async (request, context) => {
      try {
        assertSameOrigin(request, config().trustedOrigins);
        const bodyHeaders = bodySpec ? checkBodyHeaders(request, bodySpec) : null;
        if (!bodySpec && isStateChanging(request.method)) checkNoBodyHeaders(request);
        const actor = access === "public" ? null : await authorizeActor(access as Access, (options as RouteOptions<P, Q, B>).action);
        const input = {
          request,
          actor: actor as GateActor<G>,
          params: (paramsSchema ? paramsSchema.parse(await context.params) : undefined) as P,
          query: (querySchema ? querySchema.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined) as Q,
          body: (bodySpec && bodyHeaders ? await bodySpec.read(request, bodyHeaders) : undefined) as B,
        };
        const result = await handler(input);
        return result instanceof Response ? result : dataResponse(result, status);
      } catch (error) {
        return errorResponse(error);
      }
    };
  };
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
