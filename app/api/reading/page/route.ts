import { z } from "zod";
import { PAGE_PATH_HEADER, pageCacheOrigin, readerPathSlug } from "@/lib/reading/page-cache-request";
import { selfRenderer, serveCachedReaderPage } from "@/lib/server/cache/serve-cached-page";
import { notFound } from "@/lib/server/errors";
import { publicRoute } from "@/lib/server/route";

const readerPath = z
  .string()
  .max(1100, "is too long")
  .refine((path) => readerPathSlug(path) !== null, "is not an article's reader page (/articles/<slug>)");
// The page comes as `path`, or in PAGE_PATH_HEADER after a rewrite within the process (which drops the query).
const query = z.object({ path: readerPath.optional() });
const rewritten = z.object({ path: readerPath });

/**
 * An article's reader page as an anonymous visitor sees it, from the page cache
 * (lib/server/cache/serve-cached-page.ts). proxy.ts sends an anonymous visitor's GET of
 * `/articles/<slug>` here (the address bar keeps the page's URL); whoever calls it directly gets
 * exactly that page too, whatever cookies they send.
 */
export const GET = publicRoute({ query }, async ({ request, query }) => {
  const origin = pageCacheOrigin();
  if (!origin) throw notFound("The page cache");
  const path = query.path ?? rewritten.parse({ path: request.headers.get(PAGE_PATH_HEADER) ?? undefined }).path;
  return serveCachedReaderPage({ request, path, render: selfRenderer(origin) });
});
