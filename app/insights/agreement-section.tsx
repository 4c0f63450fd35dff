import { AgreementLayers } from "@/components/insights/agreement-layers";
import type { Actor } from "@/lib/permissions";
import { AGREEMENT_ARTICLES, measureArticlesAgreement } from "@/lib/server/agreement/measure-articles-agreement";
import type { InsightMatches } from "@/lib/server/insights/match-insight-articles";
import type { InsightsFilter } from "@/lib/validations/insights";

/**
 * Region Agreement of /insights: how far the annotators agree on entity tags, highlights, quotes
 * and quote speakers over the filter's articles (each pair over the articles both annotated).
 * Rendered on its own (the page streams it in a Suspense boundary): κ reads every word of the
 * articles measured, the charts need not wait.
 */
export async function AgreementSection({ actor, filter, matches }: { actor: Actor | null; filter: InsightsFilter; matches: InsightMatches | null }) {
  const agreement = await measureArticlesAgreement(actor, filter, matches);
  return (
    <AgreementFrame>
      <AgreementLayers layers={agreement.layers} names={agreement.names} limit={AGREEMENT_ARTICLES} />
    </AgreementFrame>
  );
}

/** The region around the numbers (also what shows while they are measured). */
export function AgreementFrame({ children }: { children: React.ReactNode }) {
  return (
    <section aria-labelledby="insights-agreement" className="space-y-3 rounded-lg border border-[var(--rule)] p-4 text-sm">
      <h2 id="insights-agreement" className="text-lg font-semibold">
        Agreement
      </h2>
      {children}
    </section>
  );
}
