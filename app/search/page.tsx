import type { Metadata } from "next";
import Link from "next/link";
import { ExportMenu } from "@/components/reader/export-menu";
import { MarkedText } from "@/components/search/marked-text";
import { formatDate, languageName } from "@/lib/format";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { searchArticles } from "@/lib/server/search/search-articles";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const q = first(raw.q) ?? "";
  const params = new URLSearchParams(q ? { q } : {});
  const actor = await requireReaderPage(`/search${params.size ? `?${params}` : ""}`);
  const outcome = await searchArticles({ actor, input: { q, page: first(raw.page) } });
  const href = (page: number) => `/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;

  return (
    <section aria-labelledby="search-heading" className="mx-auto max-w-4xl">
      <h1 id="search-heading" className="font-serif text-3xl font-semibold tracking-tight">
        Search
      </h1>
      <p className="mt-1 text-sm text-[var(--muted)]">
        Every inflected form of a word counts: Путин finds Путина and Путину. Put a phrase in quotes; filter with lang:ru, after:2026-01-01, before:…, has:note; exclude with -word.
      </p>
      {outcome.errors.length > 0 && (
        <div role="alert" className="mt-6 rounded-md border border-[var(--accent)] px-4 py-3 text-sm">
          <p className="font-medium">Part of the query was not understood:</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        </div>
      )}
      <section aria-label="Search results" className="mt-8">
        {!outcome.searched ? (
          <p className="text-[var(--muted)]">{q.trim() ? `Nothing to search for in “${q}”.` : "Type a word or a phrase in the search box."}</p>
        ) : outcome.total === 0 ? (
          <p className="text-[var(--muted)]">
            No articles match <q>{q}</q>.
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-start justify-between gap-4">
              <p className="text-sm text-[var(--muted)]" aria-live="polite">
                {outcome.total === 1 ? "1 article matches" : `${outcome.total} articles match`} <q>{q}</q>
                {outcome.pageCount > 1 ? `, page ${outcome.page} of ${outcome.pageCount}` : ""}.
              </p>
              <ExportMenu scope={{ kind: "search", q }} />
            </div>
            <ol className="mt-4 divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
              {outcome.results.map((result) => (
                <li key={result.slug} className="py-5" lang={result.language}>
                  <h2>
                    <Link href={`/articles/${result.slug}`} className="font-serif text-xl leading-snug hover:text-[var(--accent)] hover:underline">
                      {result.title}
                    </Link>
                  </h2>
                  <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-[var(--muted)]" lang="en">
                    <time dateTime={result.date.toISOString()}>{formatDate(result.date)}</time>
                    <span>{languageName(result.language)}</span>
                  </p>
                  <ul className="mt-3 space-y-2">
                    {result.snippets.map((snippet) => (
                      <li key={snippet.position}>
                        <Link href={`/articles/${result.slug}#p-${snippet.position}`} className="block rounded-md px-3 py-2 font-serif leading-relaxed hover:bg-[var(--rule)]">
                          {snippet.cutBefore && "… "}
                          <MarkedText text={snippet.text} marks={snippet.marks} />
                          {snippet.cutAfter && " …"}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        )}
        {outcome.pageCount > 1 && (
          <nav aria-label="Pages" className="mt-6 flex items-center gap-3 text-sm">
            {outcome.page > 1 && (
              <Link href={href(outcome.page - 1)} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                Previous
              </Link>
            )}
            <span className="text-[var(--muted)]">
              Page {outcome.page} of {outcome.pageCount}
            </span>
            {outcome.page < outcome.pageCount && (
              <Link href={href(outcome.page + 1)} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                Next
              </Link>
            )}
          </nav>
        )}
      </section>
    </section>
  );
}
