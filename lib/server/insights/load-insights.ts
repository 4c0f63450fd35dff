import "server-only";
import type { Insights } from "@/lib/insights";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { unauthenticated } from "@/lib/server/errors";
import type { InsightsFilter } from "@/lib/validations/insights";
import { countActivity } from "./count-activity";
import { countCooccurrences, NETWORK_NODES } from "./count-cooccurrences";
import { countEntityMentions, TOP_ENTITIES } from "./count-entity-mentions";
import { countQuotesBySpeaker } from "./count-quotes-by-speaker";
import { insightScope } from "./insight-work";
import { matchInsightArticles, type InsightMatches } from "./match-insight-articles";
import { measureCoverage } from "./measure-coverage";

/**
 * Everything /insights shows, over what the actor may read (401 when sign-in is required and
 * nobody is signed in): the sections' queries run at once on the pool, co-occurrence as soon as
 * the most mentioned entities (its nodes) are known, and the articles it and Quotes by speaker
 * correct live meanwhile. With a search query, over the articles it matches: `matches` when the
 * caller has them (the page shares them with its Agreement region), else matched here.
 */
export async function loadInsights(actor: Actor | null, filter: InsightsFilter, matches?: InsightMatches | null): Promise<Insights> {
  if (!canReadLibrary(actor, readPolicy())) throw unauthenticated("see insights");
  const matched = matches === undefined ? await matchInsightArticles(actor, filter) : matches;
  const scope = await insightScope(actor, filter, matched?.articleIds ?? null);
  // The articles co-occurrence and quotes correct live are read at once, beside their first queries
  // (shared by both; its failure is theirs, so it is not left unhandled here).
  scope.corrected?.().catch(() => {});
  const network = countEntityMentions(scope, NETWORK_NODES);
  const [nodes, cooccurrence, speakers, activity, coverage] = await Promise.all([
    network,
    network.then((nodes) => countCooccurrences(scope, nodes)),
    countQuotesBySpeaker(scope),
    countActivity(scope),
    measureCoverage(scope),
  ]);
  return { entities: nodes.slice(0, TOP_ENTITIES), cooccurrence, speakers, activity, coverage };
}
