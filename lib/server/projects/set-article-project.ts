import "server-only";
import { db } from "@/lib/db";
import { canWrite, type Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";
import { AppError, forbidden, notFound } from "@/lib/server/errors";
import { findProject } from "@/lib/server/projects/find-project";

/**
 * An admin or the project's Manager adds an article to a project (`member: true`) or removes it.
 * Removing keeps the work made in that layer (it returns if the article is added back); an article
 * keeps at least one project, so it never falls outside every team.
 */
export async function setArticleProject({ actor, projectId, articleId, member }: { actor: Actor; projectId: string; articleId: string; member: boolean }) {
  return db().$transaction(async (tx) => {
    const project = await findProject(actor, { id: projectId }, tx);
    if (!canWrite(actor, { type: "project-articles", project: project.facts })) throw forbidden("Only the project's Managers and administrators can add or remove its articles.");
    const article = await tx.article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { id: true, _count: { select: { projects: true } } } });
    if (!article) throw notFound("The article");
    if (member) {
      await tx.articleProject.createMany({ data: [{ articleId, projectId }], skipDuplicates: true });
    } else {
      const link = await tx.articleProject.findUnique({ where: { articleId_projectId: { articleId, projectId } }, select: { articleId: true } });
      if (!link) throw notFound("The article in this project");
      if (article._count.projects <= 1) throw new AppError("CONFLICT", "This is the article's only project: add it to another one first.");
      await tx.articleProject.delete({ where: { articleId_projectId: { articleId, projectId } } });
    }
    return { articleId, projectId, member };
  });
}
