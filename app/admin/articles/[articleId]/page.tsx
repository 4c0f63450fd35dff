import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/admin/articles/archive-button";
import { ArticleMetadataForm } from "@/components/admin/articles/article-metadata-form";
import { NeedsReview } from "@/components/reader/needs-review";
import { formatDate, languageName } from "@/lib/format";
import { getAdminArticle, type AdminArticle } from "@/lib/server/articles/get-admin-article";
import { requireAdminPage } from "@/lib/server/auth/require-admin-page";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Edit article" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ articleId: string }> };

export default async function AdminArticlePage({ params }: Props) {
  const { articleId } = await params;
  const admin = await requireAdminPage(`/admin/articles/${articleId}`);
  let article: AdminArticle;
  try {
    article = await getAdminArticle({ actor: admin, articleId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const total = article.annotations.anchored + article.annotations.reanchored + article.annotations.orphaned;

  return (
    <section aria-labelledby="article-heading" className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link href="/admin/articles" className="text-[var(--muted)] underline hover:text-[var(--ink)]">
          ← Articles
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-start gap-4">
        <h1 id="article-heading" className="min-w-0 flex-1 font-serif text-3xl font-semibold leading-tight tracking-tight" dir="auto" lang={article.language}>
          {article.title}
        </h1>
        {article.archivedAt && <span className="mt-2 rounded border border-[var(--rule)] px-2 py-0.5 text-sm text-[var(--muted)]">Archived {formatDate(new Date(article.archivedAt))}</span>}
      </div>
      <div className="mt-4 flex flex-wrap items-start gap-2 text-sm">
        <Link href={`/articles/${article.slug}`} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          Open in the reader
        </Link>
        <Link href={`/admin/import?replace=${encodeURIComponent(article.id)}`} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          Import a new revision
        </Link>
        <ArchiveButton articleId={article.id} title={article.title} archived={article.archivedAt !== null} />
      </div>

      <dl className="mt-6 grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-[var(--rule)] p-4 text-sm sm:grid-cols-4">
        <Fact term="Slug">
          <code className="break-all">{article.slug}</code>
        </Fact>
        <Fact term="Language">{languageName(article.language)}</Fact>
        <Fact term="Revision">
          {article.revision}
          {article.revisions.length > 1 && <span className="text-[var(--muted)]"> ({article.revisions.map((row) => `r${row.revision}: ${row.paragraphs} ¶`).join(", ")})</span>}
        </Fact>
        <Fact term="Imported">{formatDate(new Date(article.createdAt))}</Fact>
        <Fact term="Annotations">
          {total}
          {total > 0 && (
            <span className="text-[var(--muted)]">
              {" "}
              ({article.annotations.anchored} anchored, {article.annotations.reanchored} re-anchored, {article.annotations.orphaned} orphaned)
            </span>
          )}
        </Fact>
        <Fact term="Notes">{article.notes}</Fact>
      </dl>

      <div className="mt-8">
        <NeedsReview articleId={article.id} mode="admin" />
      </div>

      <h2 className="mt-8 font-serif text-xl font-semibold">Details</h2>
      <div className="mt-4">
        <ArticleMetadataForm
          articleId={article.id}
          initial={{
            title: article.title,
            source: article.source ?? "",
            sourceUrl: article.sourceUrl ?? "",
            author: article.author ?? "",
            publishedAt: article.publishedAt?.slice(0, 10) ?? "",
            language: article.language,
          }}
        />
      </div>
    </section>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-[var(--muted)]">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
