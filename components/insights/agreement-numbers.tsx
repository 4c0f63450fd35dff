import type { ReactNode } from "react";
import { AGREEMENT_NOTES, SET_AGREEMENT_NOTES, type AgreementTable, type Measure, type OverallAgreement, type PairAgreement } from "@/lib/agreement";

/** A measure with two decimals, "—" where it is undefined. */
export const format = (value: Measure) => (value === null ? "—" : value.toFixed(2));

/** One column of a pair table: its header, a pair's cell and the Overall row's. */
export interface PairColumn {
  header: ReactNode;
  pair: (pair: PairAgreement) => ReactNode;
  overall: (overall: OverallAgreement) => ReactNode;
}

/** The Articles column of a table over a set of articles: how many each pair was compared on. */
export const ARTICLES_COLUMN: PairColumn = { header: "Articles", pair: (pair) => pair.documents, overall: (overall) => overall.documents };

/**
 * A table whose rows are annotator pairs, then Overall, in `columns`: the one markup of every
 * agreement table (the reader's, /insights' layers and quote speakers). No hooks, so it renders on
 * either side.
 */
export function PairTable({ table, names, caption, columns }: { table: AgreementTable; names: ReadonlyMap<string, string>; caption: string; columns: readonly PairColumn[] }) {
  const name = (id: string) => names.get(id) ?? "Someone";
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-right tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-[var(--rule)] text-xs text-[var(--muted)]">
            <th scope="col" className="py-1 pr-3 text-left font-medium">
              Annotators
            </th>
            {columns.map((column, index) => (
              <th key={index} scope="col" className="px-2 py-1 font-medium">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.pairs.map((pair) => (
            <tr key={`${pair.first}:${pair.second}`} className="border-b border-[var(--rule)]">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {name(pair.first)} ↔ {name(pair.second)}
              </th>
              {columns.map((column, index) => (
                <td key={index} className="px-2 py-1">
                  {column.pair(pair)}
                </td>
              ))}
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className="py-1 pr-3 text-left">
              Overall ({table.raters.length} annotators)
            </th>
            {columns.map((column, index) => (
              <td key={index} className="px-2 py-1">
                {column.overall(table.overall)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** "3 of 4": how many of the spans both marked link to the same thing. */
const linked = (agreement: { same: number; compared: number }) => (agreement.compared === 0 ? "—" : `${agreement.same} of ${agreement.compared}`);

/** The span measures' columns (precision and recall are a pair's: Overall has none). */
const SPAN_COLUMNS: readonly PairColumn[] = [
  { header: "Precision", pair: (pair) => format(pair.exact.precision), overall: () => "—" },
  { header: "Recall", pair: (pair) => format(pair.exact.recall), overall: () => "—" },
  { header: "F1 exact", pair: (pair) => format(pair.exact.f1), overall: (overall) => format(overall.f1Exact) },
  { header: "F1 overlap", pair: (pair) => format(pair.overlap.f1), overall: (overall) => format(overall.f1Overlap) },
  { header: "Cohen's κ", pair: (pair) => format(pair.kappa.kappa), overall: (overall) => format(overall.kappa) },
  { header: "Krippendorff's αU", pair: (pair) => format(pair.alpha), overall: (overall) => format(overall.alpha) },
];

const SAME_SPEAKER_COLUMN: PairColumn = { header: "Same speaker", pair: (pair) => linked(pair.links), overall: (overall) => linked(overall.links) };

/**
 * An agreement table (one row per pair of annotators, then Overall) of the span measures: the
 * reader's region Agreement (one article, live) and /insights' (a set of articles) show the same
 * numbers the same way. Over a set of articles, `articles` adds how many each pair was compared on.
 */
export function AgreementNumbers({ table, names, links, caption, articles = false }: { table: AgreementTable; names: ReadonlyMap<string, string>; links: "entity" | "speaker" | null; caption: string; articles?: boolean }) {
  const columns = [...(articles ? [ARTICLES_COLUMN] : []), ...SPAN_COLUMNS, ...(links === "speaker" ? [SAME_SPEAKER_COLUMN] : [])];
  return <PairTable table={table} names={names} caption={caption} columns={columns} />;
}

/** A folded list of what each measure leaves out, `notes` first, then `children` (list items). */
export function MeasureNotes({ notes, children }: { notes: readonly { measure: string; note: string }[]; children?: ReactNode }) {
  return (
    <details className="text-xs text-[var(--muted)]">
      <summary className="cursor-pointer">What each measure leaves out</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {notes.map(({ measure, note }) => (
          <li key={measure}>
            <span className="font-medium text-[var(--ink)]">{measure}</span> {note}
          </li>
        ))}
        {children}
      </ul>
    </details>
  );
}

/** The measures' caveats, folded: what each one drops or how it counts (over a set of articles, `articles`: how they are pooled first). */
export function AgreementNotes({ links, articles = false }: { links: "entity" | "speaker" | null; articles?: boolean }) {
  return (
    <MeasureNotes notes={[...(articles ? SET_AGREEMENT_NOTES : []), ...AGREEMENT_NOTES]}>
      <li>
        Only annotations you can read count (other people&apos;s private work never does), each annotator&apos;s own as they made it; annotations waiting under Needs review are left out.
        {links === "entity" && " Which entity a tag links to is not in these numbers: Disagreements lists tags that differ only in it."}
      </li>
    </MeasureNotes>
  );
}
