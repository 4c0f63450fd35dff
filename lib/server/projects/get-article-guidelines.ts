import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { projectFacts, projectFactsSelect, readableProjectWhere } from "@/lib/permissions/where";
import { chooseWriteLayer } from "@/lib/projects/layers";

export interface ProjectGuidelines {
  projectId: string;
  name: string;
  /** Markdown. */
  guidelines: string;
}

/**
 * The annotation guidelines of the projects an article is in that the reader may read, those with
 * any: the project their new work goes into first (the guidelines they tag by), then by name.
 */
export async function getArticleGuidelines({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<ProjectGuidelines[]> {
  const links = await db().articleProject.findMany({
    where: { articleId, project: readableProjectWhere(actor) },
    orderBy: [{ addedAt: "asc" }, { projectId: "asc" }],
    select: { projectId: true, project: { select: { name: true, guidelines: true, ...projectFactsSelect(actor) } } },
  });
  const candidates = links.map((link) => ({ id: link.projectId, facts: projectFacts(link.project) }));
  const choice = actor ? chooseWriteLayer(actor, { archivedAt: null, projects: candidates.map((candidate) => candidate.facts) }, candidates) : null;
  const first = choice?.ok ? choice.projectId : null;
  return links
    .filter((link) => link.project.guidelines.trim() !== "")
    .map((link) => ({ projectId: link.projectId, name: link.project.name, guidelines: link.project.guidelines }))
    .sort((a, b) => Number(b.projectId === first) - Number(a.projectId === first) || a.name.localeCompare(b.name));
}
