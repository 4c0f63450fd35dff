import "server-only";
import { db } from "@/lib/db";
import { projectRole, type Actor, type ProjectRole } from "@/lib/permissions";
import { projectFacts, projectFactsSelect, readableArticleWhere, readableProjectWhere } from "@/lib/permissions/where";

export interface ProjectSummary {
  id: string;
  name: string;
  slug: string;
  description: string;
  access: "OPEN" | "CLOSED";
  /** The actor's role there (null: they may read it only as a visitor). */
  role: ProjectRole | null;
  memberCount: number;
  /** Articles in it the actor may open. */
  articleCount: number;
}

/** The projects the actor may read (Open ones, Closed ones they belong to; admins: all), by name. */
export async function listProjects({ actor }: { actor: Actor | null }): Promise<ProjectSummary[]> {
  const rows = await db().project.findMany({
    where: readableProjectWhere(actor),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      ...projectFactsSelect(actor),
      _count: { select: { members: true, articles: { where: { article: readableArticleWhere(actor) } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    access: row.access,
    role: projectRole(actor, projectFacts(row)),
    memberCount: row._count.members,
    articleCount: row._count.articles,
  }));
}
