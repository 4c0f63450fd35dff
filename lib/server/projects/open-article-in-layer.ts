import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { layerCookie, preferLayer } from "@/lib/projects/layer-preference";
import { AppError } from "@/lib/server/errors";
import { findProject } from "@/lib/server/projects/find-project";
import { readLayerPreference } from "@/lib/server/projects/read-layer-preference";

/** `/articles/<slug>/layer/<projectId>`: the slug as the reader's route takes it, and a project id. */
export const articleLayerParams = z.object({
  slug: z.string().min(1).max(300),
  projectId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not a project id"),
});

/**
 * Opens an article in one project layer (a search hit on that layer's work links here): when the
 * actor may read the project and the article is in it, the layer becomes their newest **Project
 * layer** choice (the cookie the combobox writes), so the page and everything it loads follow it;
 * otherwise the choice is ignored, saying nothing of a Closed project. Answers a 303 to the article
 * (the browser keeps the link's #fragment), with the cookie when the choice counts.
 */
export async function openArticleInLayer({ actor, slug, projectId }: { actor: Actor | null; slug: string; projectId: string }): Promise<Response> {
  const location = `/articles/${encodeURIComponent(slug)}`;
  const inProject = await readableProjectOfArticle(actor, slug, projectId);
  const headers = new Headers({ Location: location, "Cache-Control": "no-store" });
  if (inProject) headers.append("Set-Cookie", layerCookie(preferLayer(await readLayerPreference(), projectId)));
  return new Response(null, { status: 303, headers });
}

async function readableProjectOfArticle(actor: Actor | null, slug: string, projectId: string): Promise<boolean> {
  try {
    await findProject(actor, { id: projectId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  }
  return (await db().articleProject.count({ where: { projectId, article: { slug } } })) > 0;
}
