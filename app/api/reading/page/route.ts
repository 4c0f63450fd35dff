import { z } from "zod";
import { PAGE_PATH_HEADER, pageCacheOrigin, readerPathSlug } from "@/lib/reading/page-cache-request";
import { selfRenderer } from "@/lib/server/cache/serve-cached-page";
import { serveReaderPage } from "@/lib/server/cache/serve-reader-page";
import { notFound } from "@/lib/server/errors";
import { publicRoute } from "@/lib/server/route";

/**
 * The page asked for: the `path` query, or PAGE_PATH_HEADER after a rewrite within the process
 * (which drops the query). One field, one schema, whichever carried it.
 */
const pageRequest = z.object({
  path: z
    .string()
    .max(1100, "is too long")
    .refine((path) => readerPathSlug(path) !== null, "is not an article's reader page (/articles/<slug>)"),
});

/**
 * An article's reader page, from the page cache (lib/server/cache/serve-cached-page.ts): as an
 * anonymous visitor sees it, or as the signed-in visitor does (their role's shared page with their
 * identity filled in, or rendered for them alone). proxy.ts sends a GET of `/articles/<slug>` here
 * (the address bar keeps the page's URL); whoever calls it directly gets exactly the page they
 * would get there. A public route: the page's own rules answer (serveReaderPage finds the viewer
 * as the page does), never an API's 401.
 */
export const GET = publicRoute({}, async ({ request }) => {
  const origin = pageCacheOrigin();
  if (!origin) throw notFound("The page cache");
  const { path } = pageRequest.parse({ path: new URL(request.url).searchParams.get("path") ?? request.headers.get(PAGE_PATH_HEADER) ?? undefined });
  return serveReaderPage({ request, path, render: selfRenderer(origin) });
});
