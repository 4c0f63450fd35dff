import { AGREEMENT_NOTES, SET_AGREEMENT_NOTES, type AgreementTable, type Measure } from "@/lib/agreement";

/** A measure with two decimals, "—" where it is undefined. */
export const format = (value: Measure) => (value === null ? "—" : value.toFixed(2));

/**
 * An agreement table (one row per pair of annotators, then Overall) and what each measure leaves
 * out: the reader's region Agreement (one article, live) and /insights' (a set of articles) show
 * the same numbers the same way. No hooks, so it renders on either side. Over a set of articles,
 * `articles` adds how many each pair was compared on.
 */
export function AgreementNumbers({ table, names, links, caption, articles = false }: { table: AgreementTable; names: ReadonlyMap<string, string>; links: "entity" | "speaker" | null; caption: string; articles?: boolean }) {
  const name = (id: string) => names.get(id) ?? "Someone";
  const linked = (agreement: { same: number; compared: number }) => (agreement.compared === 0 ? "—" : `${agreement.same} of ${agreement.compared}`);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-right tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-[var(--rule)] text-xs text-[var(--muted)]">
            <th scope="col" className="py-1 pr-3 text-left font-medium">Annotators</th>
            {articles && <th scope="col" className="px-2 py-1 font-medium">Articles</th>}
            <th scope="col" className="px-2 py-1 font-medium">Precision</th>
            <th scope="col" className="px-2 py-1 font-medium">Recall</th>
            <th scope="col" className="px-2 py-1 font-medium">F1 exact</th>
            <th scope="col" className="px-2 py-1 font-medium">F1 overlap</th>
            <th scope="col" className="px-2 py-1 font-medium">Cohen&apos;s κ</th>
            <th scope="col" className="px-2 py-1 font-medium">Krippendorff&apos;s αU</th>
            {links === "speaker" && <th scope="col" className="px-2 py-1 font-medium">Same speaker</th>}
          </tr>
        </thead>
        <tbody>
          {table.pairs.map((pair) => (
            <tr key={`${pair.first}:${pair.second}`} className="border-b border-[var(--rule)]">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {name(pair.first)} ↔ {name(pair.second)}
              </th>
              {articles && <td className="px-2 py-1">{pair.documents}</td>}
              <td className="px-2 py-1">{format(pair.exact.precision)}</td>
              <td className="px-2 py-1">{format(pair.exact.recall)}</td>
              <td className="px-2 py-1">{format(pair.exact.f1)}</td>
              <td className="px-2 py-1">{format(pair.overlap.f1)}</td>
              <td className="px-2 py-1">{format(pair.kappa.kappa)}</td>
              <td className="px-2 py-1">{format(pair.alpha)}</td>
              {links === "speaker" && <td className="px-2 py-1">{linked(pair.links)}</td>}
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className="py-1 pr-3 text-left">
              Overall ({table.raters.length} annotators)
            </th>
            {articles && <td className="px-2 py-1">{table.overall.documents}</td>}
            <td className="px-2 py-1">—</td>
            <td className="px-2 py-1">—</td>
            <td className="px-2 py-1">{format(table.overall.f1Exact)}</td>
            <td className="px-2 py-1">{format(table.overall.f1Overlap)}</td>
            <td className="px-2 py-1">{format(table.overall.kappa)}</td>
            <td className="px-2 py-1">{format(table.overall.alpha)}</td>
            {links === "speaker" && <td className="px-2 py-1">{linked(table.overall.links)}</td>}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The measures' caveats, folded: what each one drops or how it counts (over a set of articles, `articles`: how they are pooled first). */
export function AgreementNotes({ links, articles = false }: { links: "entity" | "speaker" | null; articles?: boolean }) {
  return (
    <details className="text-xs text-[var(--muted)]">
      <summary className="cursor-pointer">What each measure leaves out</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {[...(articles ? SET_AGREEMENT_NOTES : []), ...AGREEMENT_NOTES].map(({ measure, note }) => (
          <li key={measure}>
            <span className="font-medium text-[var(--ink)]">{measure}</span> {note}
          </li>
        ))}
        <li>
          Only annotations you can read count (other people&apos;s private work never does), each annotator&apos;s own as they made it; annotations waiting under Needs review are left out.
          {links === "entity" && " Which entity a tag links to is not in these numbers: Disagreements lists tags that differ only in it."}
        </li>
      </ul>
    </details>
  );
}
