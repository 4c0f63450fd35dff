import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { HitLink } from "@/components/projects/layer-hit-link";
import { AddFilterForm } from "@/components/search/add-filter-form";
import { FilterChips } from "@/components/search/filter-chips";
import { MarkedText } from "@/components/search/marked-text";
import { QueryErrors } from "@/components/search/query-errors";
import { formatDate, languageName } from "@/lib/format";
import { articleHref } from "@/lib/projects/layer-link";
import { FILTER_OPERATORS, parseSearchQuery, withFilter } from "@/lib/search/query";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { SEARCH_LISTED, searchArticles, type SearchOutcome } from "@/lib/server/search/search-articles";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const q = first(raw.q) ?? "";
  // The Add filter form: its choice becomes part of the query, so the URL stays one shareable q.
  const operator = FILTER_OPERATORS.find((option) => option.operator === first(raw.filter))?.operator;
  const value = first(raw.value);
  if (operator && value !== undefined) redirect(`/search?${new URLSearchParams({ q: withFilter(q, operator, value.slice(0, 200)) })}`);

  const params = new URLSearchParams(q ? { q } : {});
  const actor = await requireReaderPage(`/search${params.size ? `?${params}` : ""}`);
  const outcome = await searchArticles({ actor, input: { q, page: first(raw.page) } });
  const tokens = parseSearchQuery(q).filterTokens;
  const href = (page: number) => `/search?${new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })}`;

  return (
    <section aria-labelledby="search-heading" className="mx-auto max-w-4xl">
      <h1 id="search-heading" className="font-serif text-3xl font-semibold tracking-tight">
        Search
      </h1>
      <p className="mt-1 text-sm text-[var(--muted)]">
        Searches the text, titles, highlights, notes and entity names. Every inflected form counts: Путин finds Путина and Путину. Put a phrase in quotes, exclude with -word, and filter with entity:, type:,
        said:, user:, colour:, has:, lang:, after: and before: — or add a filter below.
      </p>
      <FilterChips query={q} tokens={tokens} />
      <AddFilterForm query={q} />
      <QueryErrors errors={outcome.errors} className="mt-6" />
      <section aria-label="Search results" className="mt-8">
        <Results q={q} outcome={outcome} />
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

function Results({ q, outcome }: { q: string; outcome: SearchOutcome }) {
  if (!outcome.searched) {
    return <p className="text-[var(--muted)]">{q.trim() ? <>Nothing to search for in <q>{q}</q>: type a word, a phrase or a filter.</> : "Type a word, a phrase or a filter in the search box."}</p>;
  }
  if (outcome.total === 0) {
    return (
      <div className="text-[var(--muted)]">
        <p>
          No articles match <q>{q}</q>
          {outcome.page > 1 ? ` on page ${outcome.page}` : ""}.
        </p>
        <p className="mt-1 text-sm">Every word must occur in one paragraph, title, note or name (in any form); try fewer words, or remove a filter.</p>
      </div>
    );
  }
  return (
    <>
      <p className="text-sm text-[var(--muted)]" aria-live="polite">
        {outcome.estimated ? `About ${outcome.total.toLocaleString("en-US")} articles match` : outcome.total === 1 ? "1 article matches" : `${outcome.total.toLocaleString("en-US")} articles match`} <q>{q}</q>
        {outcome.pageCount > 1 ? `, page ${outcome.page} of ${outcome.pageCount}` : ""}
        {outcome.order === "newest" ? ", most recently added first" : ""}.
      </p>
      {(outcome.unranked || outcome.estimated) && (
        <p className="mt-1 text-sm text-[var(--muted)]">
          {outcome.unranked ? "Too many passages match to rank them by relevance. " : ""}
          {outcome.estimated ? `The number is an estimate, and the newest ${SEARCH_LISTED.toLocaleString("en-US")} can be paged through. ` : ""}
          {outcome.unranked ? "Add a word, a phrase or a filter to narrow the search." : ""}
        </p>
      )}
      <ol className="mt-4 divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
        {outcome.results.map((result) => (
          <li key={result.slug} className="py-5" lang={result.language}>
            <h2>
              <Link href={`/articles/${result.slug}`} className="font-serif text-xl leading-snug hover:text-[var(--accent)] hover:underline">
                <MarkedText text={result.title} marks={result.titleMarks} />
              </Link>
            </h2>
            <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-[var(--muted)]" lang="en">
              <time dateTime={result.date.toISOString()}>{formatDate(result.date)}</time>
              <span>{languageName(result.language)}</span>
            </p>
            {result.snippets.length > 0 && (
              <ul className="mt-3 space-y-2">
                {result.snippets.map((snippet) => (
                  <li key={`${snippet.source}-${snippet.anchor}`}>
                    <HitLink href={articleHref(result.slug, snippet.anchor, snippet.layer)} layered={snippet.layer !== null} className="block rounded-md px-3 py-2 hover:bg-[var(--rule)]">
                      {snippet.label && (
                        <span className="mb-0.5 block text-xs font-medium text-[var(--muted)]">
                          {snippet.label}
                        </span>
                      )}
                      <span className={`block font-serif leading-relaxed ${snippet.source === "paragraph" ? "" : "border-l-2 border-[var(--rule)] pl-2"}`}>
                        {snippet.cutBefore && "… "}
                        <MarkedText text={snippet.text} marks={snippet.marks} />
                        {snippet.cutAfter && " …"}
                      </span>
                    </HitLink>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
