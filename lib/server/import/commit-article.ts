import "server-only";
import type { Actor } from "@/lib/permissions";
import { importArticle, type ImportArticleResult } from "@/lib/server/articles/import-article";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { readSource, type ArticleSource } from "@/lib/server/import/read-source";
import { findImportProject } from "@/lib/server/projects/find-import-project";
import type { ImportTarget } from "@/lib/validations/import";

/**
 * Imports one article (paste, file or URL) in its own transaction: a new article, a new
 * revision of the one it replaces (with every annotation re-anchored), or nothing when the
 * content is identical. The source is read again rather than trusted from the preview;
 * `expectedHash` refuses it (409) if it changed since.
 */
export async function commitArticle({
  actor,
  source,
  target,
  expectedHash,
  projectId,
}: {
  actor: Actor | null;
  source: ArticleSource;
  target: ImportTarget;
  expectedHash?: string;
  /** The project it goes into (joins, when the article exists); the default project when absent. */
  projectId?: string;
}): Promise<ImportArticleResult> {
  assertCanImport(actor);
  const project = projectId ? await findImportProject(actor, projectId) : undefined;
  const { parsed } = await readSource(source);
  return importArticle({ parsed, target, expectedHash, projectId: project });
}
