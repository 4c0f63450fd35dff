import { SPEAKER_AGREEMENT_NOTES, type AgreementTable, type LinkAgreement } from "@/lib/agreement";
import { format } from "@/components/insights/agreement-numbers";

const share = ({ same, compared }: LinkAgreement) => format(compared === 0 ? null : same / compared);

/**
 * Quote speakers: for each pair of annotators (and overall), of the quotes both marked, how many
 * name the same speaker, and Cohen's κ on the speakers. From the quotes layer's table (a quote's
 * link is its speaker). No hooks, so it renders on either side.
 */
export function SpeakerAgreementNumbers({ table, names, caption }: { table: AgreementTable; names: ReadonlyMap<string, string>; caption: string }) {
  const name = (id: string) => names.get(id) ?? "Someone";
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-right tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-[var(--rule)] text-xs text-[var(--muted)]">
            <th scope="col" className="py-1 pr-3 text-left font-medium">Annotators</th>
            <th scope="col" className="px-2 py-1 font-medium">Articles</th>
            <th scope="col" className="px-2 py-1 font-medium">Quotes both marked</th>
            <th scope="col" className="px-2 py-1 font-medium">Same speaker</th>
            <th scope="col" className="px-2 py-1 font-medium">Share</th>
            <th scope="col" className="px-2 py-1 font-medium">Cohen&apos;s κ</th>
          </tr>
        </thead>
        <tbody>
          {table.pairs.map((pair) => (
            <tr key={`${pair.first}:${pair.second}`} className="border-b border-[var(--rule)]">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {name(pair.first)} ↔ {name(pair.second)}
              </th>
              <td className="px-2 py-1">{pair.documents}</td>
              <td className="px-2 py-1">{pair.links.compared}</td>
              <td className="px-2 py-1">{pair.links.same}</td>
              <td className="px-2 py-1">{share(pair.links)}</td>
              <td className="px-2 py-1">{format(pair.links.kappa)}</td>
            </tr>
          ))}
          <tr className="font-semibold">
            <th scope="row" className="py-1 pr-3 text-left">
              Overall ({table.raters.length} annotators)
            </th>
            <td className="px-2 py-1">{table.overall.documents}</td>
            <td className="px-2 py-1">{table.overall.links.compared}</td>
            <td className="px-2 py-1">{table.overall.links.same}</td>
            <td className="px-2 py-1">{share(table.overall.links)}</td>
            <td className="px-2 py-1">{format(table.overall.links.kappa)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** What the speaker comparison counts and drops, folded like the other measures' notes. */
export function SpeakerAgreementNotes() {
  return (
    <details className="text-xs text-[var(--muted)]">
      <summary className="cursor-pointer">What each measure leaves out</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {SPEAKER_AGREEMENT_NOTES.map(({ measure, note }) => (
          <li key={measure}>
            <span className="font-medium text-[var(--ink)]">{measure}</span> {note}
          </li>
        ))}
        <li>Only quotes you can read count (other people&apos;s private work never does); quotes waiting under Needs review are left out.</li>
      </ul>
    </details>
  );
}
