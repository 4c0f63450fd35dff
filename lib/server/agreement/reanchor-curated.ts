import "server-only";
import { describeRange, reanchor } from "@/lib/anchoring";
import type { AnnotationKind } from "@/lib/annotations/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What a re-import did to the article's curated (gold) layer. */
export interface CuratedRevisionReport {
  /** Same paragraph text, same offsets. */
  kept: number;
  /** Placed on the new text at another place (edited paragraph, moved, split or merged). */
  moved: number;
  /** Words not found confidently: kept on the text they were adopted on, off the current layer. */
  orphaned: number;
  /** Gold left behind by an earlier revision that found its place again in this one. */
  recovered: number;
  /** The curated annotations orphaned by this revision (at most 100), with their quotes. */
  orphans: { id: string; exact: string; kind: AnnotationKind }[];
}

/**
 * Moves the article's curated layer onto a new revision of its text, inside the re-import's
 * transaction (after the new paragraphs are written, before the revision number moves): each
 * curated annotation is re-anchored by its own quote and context with lib/anchoring, as the
 * annotations are, and its quote refreshed from the new text. One that cannot be placed stays on
 * the paragraph it was adopted on — not deleted, so nothing a curator decided is lost — and is
 * reported; a later revision tries it again.
 */
export async function reanchorCurated(
  tx: Prisma.TransactionClient,
  { articleId, current, newParagraphs }: { articleId: string; current: number; newParagraphs: readonly { id: string; text: string }[] },
): Promise<CuratedRevisionReport> {
  const report: CuratedRevisionReport = { kept: 0, moved: 0, orphaned: 0, recovered: 0, orphans: [] };
  const rows = await tx.curatedAnnotation.findMany({
    where: { articleId, paragraph: { revision: { lte: current } } },
    select: { id: true, kind: true, paragraphId: true, start: true, end: true, exact: true, prefix: true, suffix: true, paragraph: { select: { revision: true } } },
    orderBy: { id: "asc" },
  });
  const newTexts = newParagraphs.map((paragraph) => paragraph.text);
  for (const revision of new Set(rows.map((row) => row.paragraph.revision))) {
    const onRevision = rows.filter((row) => row.paragraph.revision === revision);
    const paragraphs = await tx.paragraph.findMany({ where: { articleId, revision }, orderBy: { position: "asc" }, select: { id: true, text: true } });
    const index = new Map(paragraphs.map((paragraph, i) => [paragraph.id, i]));
    const results = reanchor(
      paragraphs.map((paragraph) => paragraph.text),
      newTexts,
      onRevision.map((row) => ({ id: row.id, paragraphIndex: index.get(row.paragraphId) ?? 0, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix })),
    );
    for (const [i, result] of results.entries()) {
      const row = onRevision[i]!;
      if ("status" in result) {
        // Earlier orphans that stay orphaned were reported by the revision that orphaned them.
        if (revision === current) {
          report.orphaned++;
          if (report.orphans.length < 100) report.orphans.push({ id: row.id, exact: row.exact, kind: row.kind });
        }
        continue;
      }
      const paragraph = newParagraphs[result.paragraphIndex]!;
      await tx.curatedAnnotation.update({ where: { id: row.id }, data: { paragraphId: paragraph.id, ...describeRange(paragraph.text, result.start, result.end) } });
      if (revision !== current) report.recovered++;
      else if (paragraphs[index.get(row.paragraphId) ?? -1]?.text === paragraph.text && result.start === row.start && result.end === row.end) report.kept++;
      else report.moved++;
    }
  }
  return report;
}
