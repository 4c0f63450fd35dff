import { OrphanReview } from "@/components/import/orphan-review";
import { db } from "@/lib/db";
import { listOrphans } from "@/lib/server/articles/list-orphans";
import { getActor } from "@/lib/server/auth/get-actor";

/**
 * Needs review: the annotations a re-import could not place on the new text, with their
 * original quotes. Never empty-rendered: without orphans it renders nothing. Server component;
 * its author (or an admin) can re-attach or dismiss each one.
 *
 * In the reader: `<NeedsReview articleId={article.id} />` as a child of ReaderWorkspace, so
 * that Re-attach can use the text selection. `mode="admin"` links to the reader instead.
 */
export async function NeedsReview({ articleId, mode = "reader" }: { articleId: string; mode?: "reader" | "admin" }) {
  const actor = await getActor();
  const [orphans, article] = await Promise.all([
    listOrphans({ actor, articleId }),
    db().article.findUnique({ where: { id: articleId }, select: { slug: true } }),
  ]);
  if (orphans.length === 0 || !article) return null;
  // Labelled by the words alone, so the region is named "Needs review" whatever the count.
  return (
    <section id="needs-review" aria-labelledby="needs-review-title" lang="en" className="mb-8 rounded-lg border border-amber-300 bg-amber-50/60 p-4 font-sans text-sm dark:border-amber-800 dark:bg-amber-950/30">
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <span aria-hidden>⚠</span>
        <span id="needs-review-title">Needs review</span>
        <span className="rounded-full border border-current px-2 text-xs font-medium">{orphans.length}</span>
      </h2>
      <p className="mt-1 text-[var(--muted)]">
        {orphans.length === 1 ? "This annotation" : "These annotations"} could not be placed on the current text after a re-import. Nothing was lost: re-attach {orphans.length === 1 ? "it" : "each one"} by selecting the new words, or dismiss what no longer applies.
      </p>
      <OrphanReview orphans={orphans} mode={mode} readerHref={`/articles/${article.slug}`} />
    </section>
  );
}
