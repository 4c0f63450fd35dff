import { z } from "zod";
import { pageCacheOrigin, readerPathSlug } from "@/lib/reading/page-cache-request";
import { selfRenderer, serveCachedReaderPage } from "@/lib/server/cache/serve-cached-page";
import { notFound } from "@/lib/server/errors";
import { publicRoute } from "@/lib/server/route";

const query = z.object({
  path: z
    .string()
    .max(1100, "is too long")
    .refine((path) => readerPathSlug(path) !== null, "is not an article's reader page (/articles/<slug>)"),
});

/**
 * An article's reader page as an anonymous visitor sees it, from the page cache
 * (lib/server/cache/serve-cached-page.ts). proxy.ts sends an anonymous visitor's GET of
 * `/articles/<slug>` here (the address bar keeps the page's URL); whoever calls it directly gets
 * exactly that page too, whatever cookies they send.
 */
export const GET = publicRoute({ query }, async ({ request, query: { path } }) => {
  const origin = pageCacheOrigin();
  if (!origin) throw notFound("The page cache");
  return serveCachedReaderPage({ request, path, render: selfRenderer(origin) });
});
