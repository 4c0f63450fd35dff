import { SPEAKER_AGREEMENT_NOTES, type AgreementTable, type LinkAgreement } from "@/lib/agreement";
import { ARTICLES_COLUMN, format, MeasureNotes, PairTable, type PairColumn } from "@/components/insights/agreement-numbers";

const share = ({ same, compared }: LinkAgreement) => format(compared === 0 ? null : same / compared);

/** The speaker comparison's columns after Articles: counts, their share and κ, of a pair's links or everyone's pooled. */
const SPEAKER_COLUMNS: readonly PairColumn[] = [
  ARTICLES_COLUMN,
  { header: "Quotes both marked", pair: (pair) => pair.links.compared, overall: (overall) => overall.links.compared },
  { header: "Same speaker", pair: (pair) => pair.links.same, overall: (overall) => overall.links.same },
  { header: "Share", pair: (pair) => share(pair.links), overall: (overall) => share(overall.links) },
  { header: "Cohen's κ", pair: (pair) => format(pair.links.kappa), overall: (overall) => format(overall.links.kappa) },
];

/**
 * Quote speakers: for each pair of annotators (and overall), of the quotes both marked, how many
 * name the same speaker, and Cohen's κ on the speakers. From the quotes layer's table (a quote's
 * link is its speaker). No hooks, so it renders on either side.
 */
export function SpeakerAgreementNumbers({ table, names, caption }: { table: AgreementTable; names: ReadonlyMap<string, string>; caption: string }) {
  return <PairTable table={table} names={names} caption={caption} columns={SPEAKER_COLUMNS} />;
}

/** What the speaker comparison counts and drops, folded like the other measures' notes. */
export function SpeakerAgreementNotes() {
  return (
    <MeasureNotes notes={SPEAKER_AGREEMENT_NOTES}>
      <li>Only quotes you can read count (other people&apos;s private work never does); quotes waiting under Needs review are left out.</li>
    </MeasureNotes>
  );
}
