import "server-only";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { canRead, type Actor } from "@/lib/permissions";
import { projectFacts, projectFactsSelect } from "@/lib/permissions/where";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { chooseWriteLayer } from "@/lib/projects/layers";
import { listEntityTypes } from "@/lib/server/entities/list-entity-types";

/**
 * The entity types the reader's Tag entity menu offers on an article: the label set of the project
 * layer their new tags go into (chooseWriteLayer, as resolveWriteLayer decides on create), else of
 * the first project they may read it through; the default project's for an article in none.
 */
export async function listArticleEntityTypes({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<EntityTypeDTO[]> {
  const links = await db().articleProject.findMany({
    where: { articleId },
    orderBy: [{ addedAt: "asc" }, { projectId: "asc" }],
    select: { projectId: true, project: { select: projectFactsSelect(actor) } },
  });
  const candidates = links.map((link) => ({ id: link.projectId, facts: projectFacts(link.project) }));
  const article = { archivedAt: null, projects: candidates.map((candidate) => candidate.facts) };
  const writing = actor ? chooseWriteLayer(actor, article, candidates) : null;
  const layer = writing?.ok ? writing.projectId : candidates.find((candidate) => canRead(actor, { type: "project", project: candidate.facts }, { requireSignIn: false }))?.id;
  return listEntityTypes(layer ?? DEFAULT_PROJECT_ID);
}
