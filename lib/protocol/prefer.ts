import { parseParams, splitOutsideQuotes } from "./negotiation";

/**
 * The Prefer header (RFC 7240) as the Web Annotation Protocol uses it for containers (§ 4.2):
 * `Prefer: return=representation; include="<IRI> …"` asks for a minimal container (no
 * annotations), their IRIs only, or their full descriptions. Pure.
 */

export const PREFER_MINIMAL_CONTAINER = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const PREFER_CONTAINED_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const PREFER_CONTAINED_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

export type ContainerPreference = "minimal" | "iris" | "descriptions";

/**
 * The container representation asked for, and whether the header asked at all (then the answer
 * says `Preference-Applied: return=representation`). Without a preference: full descriptions.
 * When several are included, the smallest wins (minimal, then IRIs), since a client that accepts
 * less asked to be spared the rest; `omit` of descriptions means IRIs.
 */
export function containerPreference(prefer: string | null): { preference: ContainerPreference; applied: boolean } {
  const none = { preference: "descriptions" as const, applied: false };
  if (prefer === null) return none;
  for (const entry of splitOutsideQuotes(prefer, ",")) {
    const params = parseParams(splitOutsideQuotes(entry, ";"));
    if (params.get("return") !== "representation") continue;
    const include = (params.get("include") ?? "").split(/\s+/).filter(Boolean);
    const omit = (params.get("omit") ?? "").split(/\s+/).filter(Boolean);
    if (include.includes(PREFER_MINIMAL_CONTAINER)) return { preference: "minimal", applied: true };
    if (include.includes(PREFER_CONTAINED_IRIS) || omit.includes(PREFER_CONTAINED_DESCRIPTIONS)) return { preference: "iris", applied: true };
    if (include.includes(PREFER_CONTAINED_DESCRIPTIONS)) return { preference: "descriptions", applied: true };
  }
  return none;
}
