import Link from "next/link";
import { ExportMenu } from "@/components/reader/export-menu";
import { listArticles } from "@/lib/server/articles/list-articles";
import { formatDate, languageName } from "@/lib/format";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";

export const dynamic = "force-dynamic";

export default async function LibraryPage() {
  const actor = await requireReaderPage("/");
  const articles = await listArticles({ actor });
  return (
    <section aria-labelledby="library-heading" className="mx-auto max-w-4xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="library-heading" className="font-serif text-3xl font-semibold tracking-tight">
            Library
          </h1>
          <p className="mt-1 text-sm text-[var(--muted)]">
            {articles.length === 1 ? "1 article" : `${articles.length} articles`}, newest first.
          </p>
        </div>
        {articles.length > 0 && <ExportMenu scope={{ kind: "library" }} />}
      </div>
      {articles.length === 0 ? (
        <p className="mt-10 text-[var(--muted)]">No articles yet. An admin can import some.</p>
      ) : (
        <ul className="mt-8 divide-y divide-[var(--rule)] border-y border-[var(--rule)]" aria-label="Articles">
          {articles.map((article) => (
            <li key={article.slug} className="py-5">
              <Link href={`/articles/${article.slug}`} lang={article.language} className="font-serif text-xl leading-snug hover:text-[var(--accent)] hover:underline">
                {article.title}
              </Link>
              <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-[var(--muted)]">
                <div className="flex gap-1">
                  <dt className="sr-only">Source</dt>
                  <dd>{article.source ?? "Unknown source"}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="sr-only">Language</dt>
                  <dd>{languageName(article.language)}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="sr-only">Paragraphs</dt>
                  <dd>{article.paragraphCount === 1 ? "1 paragraph" : `${article.paragraphCount} paragraphs`}</dd>
                </div>
                <div className="flex gap-1">
                  <dt>Imported</dt>
                  <dd>
                    <time dateTime={article.importedAt.toISOString()}>{formatDate(article.importedAt)}</time>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

