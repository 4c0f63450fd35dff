import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/permissions";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { dataResponse } from "@/lib/server/route/respond";

/**
 * The build being served: an answer's shape can change with it, so a validator from another
 * build must not match. Every instance of one deployment serves the same build, so their
 * validators agree; without a build (tests) each process makes up its own.
 */
const BUILD = (() => {
  try {
    return readFileSync(path.join(process.cwd(), process.env.GLOSSA_DIST_DIR ?? ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return randomUUID();
  }
})();

/**
 * A weak validator (`W/"…"`) for an answer that is a function of `parts` alone: the versions of
 * what it shows (article, revision, work and accounts versions), who asks, and what was asked.
 * Weak: the bytes are not hashed, the data they stand for is.
 */
export function validatorOf(parts: readonly (string | number | null | undefined)[]): string {
  const hash = createHash("sha256").update(JSON.stringify([BUILD, ...parts])).digest("base64url").slice(0, 27);
  return `W/"${hash}"`;
}

/**
 * The validator of a read of `article` by `actor`: everything such an answer depends on is in
 * the stamp (its text's revision, the version of the work on it, of the accounts and of the
 * entity types, whether it is archived, its projects' access and the reader's role in each), in who
 * reads (their own private work; their role counts through the accounts' version), in the project
 * layer they read it in (switching layers changes the answer) and in `what` was asked.
 */
export function articleReadValidator(what: readonly (string | number)[], actor: Actor | null, article: ArticleStamp): string {
  return validatorOf([...what, article.id, article.revision, article.workVersion, article.usersVersion, article.entityTypesVersion, article.archivedAt?.toISOString(), JSON.stringify(article.projects), viewLayerOf(actor, article), actor?.id ?? "anonymous"]);
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks of it; `*` names any). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}

/**
 * Answers a read with `etag`: 304 without a body when the client already holds it (nothing is
 * read), else `{ data }` from `read()`. The browser may keep the answer but must ask again each
 * time (`private, no-cache`), and it differs by who is signed in (`Vary: Cookie`).
 */
export async function conditionalResponse(request: Request, etag: string, read: () => Promise<unknown>): Promise<Response> {
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const response = dataResponse(await read(), 200);
  // dataResponse's no-transform (a small body is not worth compressing) still holds.
  const noTransform = response.headers.get("Cache-Control")?.includes("no-transform");
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (noTransform) response.headers.set("Cache-Control", `${headers["Cache-Control"]}, no-transform`);
  return response;
}
