import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canReadSignedIn, type Actor } from "@/lib/permissions";
import { projectFacts, projectFactsSelect } from "@/lib/permissions/where";
import { chooseWriteLayer } from "@/lib/projects/layers";
import { AppError, forbidden, notFound } from "@/lib/server/errors";
import { readLayerPreference } from "@/lib/server/projects/read-layer-preference";

/**
 * The project layer new work by `actor` on an article goes into (see chooseWriteLayer): `requested`
 * (a reply's thread, a highlight's note), else the layer they read the article in (their **Project
 * layer** choice, the request's cookie), checked against the rules: 404 for an article they may not
 * read (a Closed project's, to a non-member), 403 when they may not annotate in that layer (they
 * read it as a project Reader). Null: the article is in no project.
 */
export async function resolveWriteLayer(actor: Actor, articleId: string, requested?: string, client: Prisma.TransactionClient | ReturnType<typeof db> = db()): Promise<string | null> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: { projects: { orderBy: [{ addedAt: "asc" }, { projectId: "asc" }], select: { projectId: true, project: { select: projectFactsSelect(actor) } } } },
  });
  if (!article) throw notFound("The article");
  const candidates = article.projects.map((link) => ({ id: link.projectId, facts: projectFacts(link.project) }));
  // Archiving is the paragraph lock's to refuse (409, in the write's own transaction); this decides projects only.
  const facts = { archivedAt: null, projects: candidates.map((candidate) => candidate.facts) };
  if (!canReadSignedIn(actor, { type: "article", article: facts })) throw notFound("The article");
  const choice = chooseWriteLayer(actor, facts, candidates, requested, requested ? [] : await readLayerPreference());
  if (choice.ok) return choice.projectId;
  if (choice.reason === "not-in-project") throw new AppError("INVALID_INPUT", "The article is not in that project.");
  throw forbidden("Your role in this project layer does not let you annotate: switch the Project layer, or ask a project Manager.");
}
