import { AgreementNotes, AgreementNumbers } from "@/components/insights/agreement-numbers";
import type { Actor } from "@/lib/permissions";
import { AGREEMENT_ARTICLES, measureArticlesAgreement } from "@/lib/server/agreement/measure-articles-agreement";
import type { InsightsFilter } from "@/lib/validations/insights";

/**
 * Region Agreement of /insights: how far the annotators agree on entity tags over the filter's
 * articles (pooled over those two or more people tagged). Rendered on its own (the page streams it
 * in a Suspense boundary): κ reads every word of the articles measured, the charts need not wait.
 */
export async function AgreementSection({ actor, filter }: { actor: Actor | null; filter: InsightsFilter }) {
  const agreement = await measureArticlesAgreement(actor, filter, "entities");
  const names = new Map(Object.entries(agreement.names));
  return (
    <AgreementFrame>
      <p className="text-sm text-[var(--muted)]">
        {agreement.articles === 0
          ? "No article here has entity tags by two or more people yet: agreement needs two annotators on the same text."
          : `Entity tags in the ${agreement.articles === 1 ? "one article" : `${agreement.articles} articles`} that two or more people tagged${agreement.limited ? ` (the ${AGREEMENT_ARTICLES} most tagged; the others are left out)` : ""}, pooled: each pair is compared over all of them, so one person's tags on an article the other tagged nothing in count as misses. Each article's own numbers, and its disagreements, are in its reader under Agreement.`}
      </p>
      {agreement.table.raters.length >= 2 && <AgreementNumbers table={agreement.table} names={names} links="entity" caption="Agreement on entity tags between each pair of annotators, and overall, over these articles" />}
      <AgreementNotes links="entity" />
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
