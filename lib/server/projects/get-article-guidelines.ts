import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableProjectWhere } from "@/lib/permissions/where";

export interface ProjectGuidelines {
  projectId: string;
  name: string;
  /** Markdown. */
  guidelines: string;
}

/**
 * The annotation guidelines of the projects an article is in that the reader may read, those with
 * any: the layer they read it in (`layer`, whose label set they tag with) first, then by name.
 */
export async function getArticleGuidelines({ actor, articleId, layer }: { actor: Actor | null; articleId: string; layer: string | null }): Promise<ProjectGuidelines[]> {
  const links = await db().articleProject.findMany({
    where: { articleId, project: readableProjectWhere(actor) },
    orderBy: [{ addedAt: "asc" }, { projectId: "asc" }],
    select: { projectId: true, project: { select: { name: true, guidelines: true } } },
  });
  return links
    .filter((link) => link.project.guidelines.trim() !== "")
    .map((link) => ({ projectId: link.projectId, name: link.project.name, guidelines: link.project.guidelines }))
    .sort((a, b) => Number(b.projectId === layer) - Number(a.projectId === layer) || a.name.localeCompare(b.name));
}
