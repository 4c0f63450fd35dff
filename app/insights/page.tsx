import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActivityChart } from "@/components/insights/activity-chart";
import { CooccurrenceGraph } from "@/components/insights/cooccurrence-graph";
import { CoverageChart } from "@/components/insights/coverage-chart";
import { EntitiesChart } from "@/components/insights/entities-chart";
import { QuotesChart } from "@/components/insights/quotes-chart";
import { QueryErrors } from "@/components/search/query-errors";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { listInsightArticles } from "@/lib/server/insights/list-insight-articles";
import { loadInsights } from "@/lib/server/insights/load-insights";
import { matchInsightArticles, type InsightMatches } from "@/lib/server/insights/match-insight-articles";
import { AgreementFrame, AgreementSection } from "./agreement-section";
import { insightsQuery, insightsQuerySchema, type InsightsFilter } from "@/lib/validations/insights";

export const metadata: Metadata = { title: "Insights" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ANY: InsightsFilter = { query: null, from: null, to: null, articleSlug: null, scope: "paragraph" };
const day = (date: Date | null, shift = 0) => (date ? new Date(date.getTime() + shift).toISOString().slice(0, 10) : "");

/**
 * /insights: what the team's annotations add up to, over what the viewer may read — the most
 * mentioned entities, who co-occurs with whom, who is quoted, who did what when, and how much of
 * each article is annotated, and how far the annotators agree. Filters (a GET form, so every view is a shareable URL): a search
 * query (the search page's: every section counts only the articles it matches), a period of article dates, one article, and
 * what counts as co-occurring.
 */
export default async function InsightsPage({ searchParams }: Props) {
  const raw = insightsQuery(await searchParams);
  const actor = await requireReaderPage(`/insights${Object.keys(raw).length ? `?${new URLSearchParams(raw)}` : ""}`);
  const parsed = insightsQuerySchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : ANY;
  // Matched once, for the charts and the Agreement region alike.
  const [matches, articles] = await Promise.all([matchInsightArticles(actor, filter), listInsightArticles(actor, filter.articleSlug)]);
  const nothingMatched = matches !== null && matches.articleIds.length === 0;
  const insights = nothingMatched ? null : await loadInsights(actor, filter, matches);
  const chosen = articles.find((article) => article.slug === filter.articleSlug);
  const scopeLabel = filter.scope === "paragraph" ? "paragraph" : "article";
  const where = chosen ? ` in “${chosen.title}”` : matches ? ` in the articles matching “${matches.query}”` : " across the library";

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-semibold tracking-tight">Insights</h1>
        <p className="mt-1 text-sm text-[var(--muted)]">
          What the annotations add up to{where}, counted over what you can read (other people&apos;s private work is never in these numbers).
        </p>
      </div>
      {!parsed.success && (
        <div role="alert" className="rounded-md border border-[var(--accent)] px-4 py-3 text-sm">
          <p className="font-medium">Some filters were not understood, so everything is shown:</p>
          <ul className="mt-1 list-disc pl-5">
            {parsed.error.issues.map((issue, index) => (
              <li key={index}>
                {issue.path.join(".") || "query"} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* autoComplete off: Back shows the filters of the page it returns to, not the ones typed after it (the browser restores edited fields). */}
      <form method="get" action="/insights" aria-label="Filters" autoComplete="off" className="flex flex-wrap items-end gap-3 rounded-lg border border-[var(--rule)] p-3 text-sm">
        <label className="flex basis-full flex-col gap-1">
          <span className="text-[var(--muted)]">Search articles</span>
          <input
            type="search"
            name="q"
            defaultValue={filter.query ?? ""}
            placeholder="Words, “a phrase”, -word, entity:…, lang:ru — as in Search"
            className="rounded border border-[var(--rule)] bg-transparent px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-[var(--muted)]">Articles from</span>
          <input type="date" name="from" defaultValue={day(filter.from)} className="rounded border border-[var(--rule)] bg-transparent px-2 py-1" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-[var(--muted)]">to</span>
          <input type="date" name="to" defaultValue={day(filter.to, -86_400_000)} className="rounded border border-[var(--rule)] bg-transparent px-2 py-1" />
        </label>
        <label className="flex min-w-0 flex-1 flex-col gap-1">
          <span className="text-[var(--muted)]">Article</span>
          <select name="article" defaultValue={filter.articleSlug ?? ""} className="min-w-0 rounded border border-[var(--rule)] bg-transparent px-2 py-1">
            <option value="">All articles</option>
            {articles.map((article) => (
              <option key={article.slug} value={article.slug}>
                {article.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-[var(--muted)]">Co-occurring in</span>
          <select name="scope" defaultValue={filter.scope} className="rounded border border-[var(--rule)] bg-transparent px-2 py-1">
            <option value="paragraph">the same paragraph</option>
            <option value="article">the same article</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-[var(--ink)] px-4 py-1.5 text-[var(--page)]">
          Apply
        </button>
      </form>
      {matches && <SearchSummary matches={matches} raw={raw} />}
      {insights && (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <EntitiesChart entities={insights.entities} />
            <QuotesChart speakers={insights.speakers} />
          </div>
          <CooccurrenceGraph network={insights.cooccurrence} scopeLabel={scopeLabel} />
          <ActivityChart activity={insights.activity} />
          <CoverageChart coverage={insights.coverage} />
          <Suspense fallback={<AgreementFrame><p className="text-sm text-[var(--muted)]">Measuring agreement…</p></AgreementFrame>}>
            <AgreementSection actor={actor} filter={filter} matches={matches} />
          </Suspense>
        </>
      )}
    </div>
  );
}

/**
 * What a search query matched: how many articles the sections count (or that none did, instead of
 * empty charts), what the parser did not understand, and the same query on the search page.
 */
function SearchSummary({ matches, raw }: { matches: InsightMatches; raw: Record<string, string> }) {
  const count = matches.articleIds.length;
  const { q: _query, ...others } = raw;
  const withoutQuery = `/insights${Object.keys(others).length ? `?${new URLSearchParams(others)}` : ""}`;
  const narrowed = others.from || others.to || others.article ? " with these filters" : "";
  return (
    <div className="space-y-3">
      <QueryErrors errors={matches.errors} />
      {count === 0 ? (
        <div role="status" className="rounded-lg border border-dashed border-[var(--rule)] px-4 py-10 text-center">
          <p className="font-medium">No article you can read matches “{matches.query}”{narrowed}.</p>
          <p className="mt-1 text-sm text-[var(--muted)]">
            Try other words or fewer filters, or{" "}
            <Link href={withoutQuery} className="underline">
              show insights without the search
            </Link>
            .
          </p>
        </div>
      ) : (
        <p role="status" className="text-sm">
          <strong>{count.toLocaleString("en")}</strong> {count === 1 ? "article matches" : "articles match"} “{matches.query}”
          {narrowed}: every section below counts only {count === 1 ? "it" : "them"}.{" "}
          <Link href={`/search?${new URLSearchParams({ q: matches.query })}`} className="underline">
            See them in Search
          </Link>
          {" · "}
          <Link href={withoutQuery} className="underline">
            Clear the search
          </Link>
        </p>
      )}
    </div>
  );
}
