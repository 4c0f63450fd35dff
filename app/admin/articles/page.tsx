import type { Metadata } from "next";
import Link from "next/link";
import { AdminTable, type AdminColumn } from "@/components/admin/admin-table";
import { ArchiveButton } from "@/components/admin/articles/archive-button";
import { formatDate, languageName } from "@/lib/format";
import { parsePageRequest } from "@/lib/pagination/keyset";
import { listAdminArticles } from "@/lib/server/articles/list-admin-articles";
import { requireAdminPage } from "@/lib/server/auth/require-admin-page";
import { articleListQuerySchema, type ArticleStatusFilter } from "@/lib/validations/article";

export const metadata: Metadata = { title: "Articles" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_LABEL: Record<ArticleStatusFilter, string> = { active: "In the library", archived: "Archived", all: "All" };

const ARTICLE_COLUMNS: AdminColumn[] = [
  { label: "Title" },
  { label: "Language" },
  { label: "Revision", align: "right" },
  { label: "Paragraphs", align: "right" },
  { label: "Annotations", align: "right" },
  { label: "Imported" },
  { label: "Actions", align: "right", hidden: true },
];

export default async function AdminArticlesPage({ searchParams }: Props) {
  const admin = await requireAdminPage("/admin/articles");
  const raw = await searchParams;
  const query = articleListQuerySchema.parse({ q: raw.q, status: raw.status });
  const status = query.status ?? "active";
  // Pages by keyset (after/before a row), like the library: page 2,000 costs what page 1 does.
  const asked = parsePageRequest({ after: raw.after, before: raw.before });
  const result = await listAdminArticles({ actor: admin, q: query.q, status, request: "error" in asked ? { from: "start" } : asked });
  const href = (cursor: { after: string } | { before: string }) => {
    const params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (status !== "active") params.set("status", status);
    for (const [key, value] of Object.entries(cursor)) params.set(key, value);
    return `/admin/articles?${params}`;
  };
  const count = result.moreThanTotal ? `More than ${result.total.toLocaleString("en-US")} articles` : result.total === 1 ? "1 article" : `${result.total.toLocaleString("en-US")} articles`;

  return (
    <section aria-labelledby="articles-heading" className="mx-auto max-w-6xl">
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 id="articles-heading" className="font-serif text-3xl font-semibold tracking-tight">
            Articles
          </h1>
          <p className="mt-1 text-sm text-[var(--muted)]">
            {count}
            {query.q ? ` matching “${query.q}”` : ""}, {STATUS_LABEL[status].toLowerCase()}. Archived articles leave the library and keep all their annotations; nothing is deleted.
          </p>
        </div>
        <Link href="/admin/import" className="ml-auto rounded-md bg-[var(--ink)] px-4 py-2 text-sm font-medium text-[var(--page)]">
          Import articles
        </Link>
      </div>

      <form role="search" aria-label="Articles" className="mt-6 flex flex-wrap items-end gap-3" action="/admin/articles">
        <div className="min-w-64 flex-1 space-y-1">
          <label htmlFor="article-search" className="block text-sm font-medium">
            Search articles
          </label>
          <input
            id="article-search"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            placeholder="Title, source, URL, author or slug"
            className="w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-2 outline-none focus:border-[var(--accent)]"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="article-status" className="block text-sm font-medium">
            Show
          </label>
          <select id="article-status" name="status" defaultValue={status} className="rounded-md border border-[var(--rule)] bg-[var(--page)] px-3 py-2">
            {(Object.keys(STATUS_LABEL) as ArticleStatusFilter[]).map((value) => (
              <option key={value} value={value}>
                {STATUS_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-[var(--ink)] px-4 py-2 text-sm font-medium hover:bg-[var(--rule)]">
          Search
        </button>
      </form>

      {"error" in asked && (
        <p role="alert" className="mt-6 rounded-md border border-[var(--rule)] px-3 py-2 text-sm">
          {asked.error} Showing the first page.
        </p>
      )}

      {result.items.length === 0 ? (
        <p className="mt-10 text-[var(--muted)]">{query.q ? "No article matches this search." : "No articles here yet."}</p>
      ) : (
        <AdminTable caption="Articles, newest import first" minWidth="56rem" columns={ARTICLE_COLUMNS}>
          {result.items.map((article) => (
            <tr key={article.id} className="align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                <Link href={`/admin/articles/${article.id}`} className="font-serif text-base font-medium hover:text-[var(--accent)] hover:underline" dir="auto" lang={article.language}>
                  {article.title}
                </Link>
                {article.archivedAt && <span className="ml-2 rounded border border-[var(--rule)] px-1.5 text-xs text-[var(--muted)]">Archived</span>}
                <span className="mt-0.5 block text-[var(--muted)]">
                  {[article.source, article.author].filter(Boolean).join(" · ") || "Unknown source"}
                  {article.sourceUrl && (
                    <>
                      {" · "}
                      <span className="break-all">{article.sourceUrl}</span>
                    </>
                  )}
                </span>
              </th>
              <td className="py-3 pr-4">{languageName(article.language)}</td>
              <td className="py-3 pr-4 text-right tabular-nums">{article.revision}</td>
              <td className="py-3 pr-4 text-right tabular-nums">{article.paragraphCount}</td>
              <td className="py-3 pr-4 text-right tabular-nums">
                {article.annotationCount}
                {article.orphanCount > 0 && (
                  <Link href={`/admin/articles/${article.id}#needs-review`} className="mt-0.5 block text-xs text-amber-800 underline dark:text-amber-200">
                    <span aria-hidden>⚠ </span>
                    {article.orphanCount} need review
                  </Link>
                )}
              </td>
              <td className="py-3 pr-4 whitespace-nowrap">
                <time dateTime={article.createdAt}>{formatDate(new Date(article.createdAt))}</time>
              </td>
              <td className="py-3 text-right">
                <div className="flex items-start justify-end gap-2">
                  <Link href={`/admin/articles/${article.id}`} aria-label={`Edit ${article.title}`} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                    Edit
                  </Link>
                  <ArchiveButton articleId={article.id} title={article.title} archived={article.archivedAt !== null} />
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}

      {(result.previous || result.next) && (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-3 text-sm">
          {result.previous && (
            <Link href={href({ before: result.previous })} rel="prev" className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
              Previous
            </Link>
          )}
          {result.next && (
            <Link href={href({ after: result.next })} rel="next" className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
              Next
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
