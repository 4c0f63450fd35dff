import "server-only";
// mapParagraphs is the paragraph correspondence reanchor() uses internally; notes follow the same mapping.
import { describeRange, mapParagraphs, reanchor, type ReanchorResult, type StoredAnnotation } from "@/lib/anchoring";
import type { AnnotationKind } from "@/lib/annotations/kinds";
import type { AnchorStatus, Prisma } from "@/lib/generated/prisma/client";
import type { ParsedArticle } from "@/lib/importing";
import { annotationAnchorSelect } from "@/lib/server/annotations/annotation-dto";
import { reanchorCurated, type CuratedRevisionReport } from "@/lib/server/agreement/reanchor-curated";
import { notFound } from "@/lib/server/errors";
import { publishEvent } from "@/lib/server/live/publish-event";
import { indexRevision } from "@/lib/server/search/paragraph-vectors";

/** What a re-import did to the article's annotations and notes. */
export interface RevisionReport {
  revision: number;
  annotations: {
    /** Same paragraph text, same offsets. */
    kept: number;
    /** Placed on the new text at another place (edited paragraph, moved, split or merged). */
    moved: number;
    /** Not found confidently: kept on the old text and listed under Needs review. */
    orphaned: number;
    /** Orphans of earlier revisions that found their place again in this one. */
    recovered: number;
  };
  notes: {
    /** On a paragraph that is unchanged in the new text. */
    kept: number;
    /** On a paragraph that was edited (or on an annotation that moved). */
    moved: number;
    /** Their paragraph disappeared: attached to the nearest surviving paragraph. */
    toNearest: number;
    /** Notes on an orphaned highlight: they stay with it, under Needs review. */
    withOrphans: number;
  };
  /** The annotations orphaned by this revision (at most 100), with their quotes. */
  orphans: { id: string; exact: string; kind: AnnotationKind }[];
  /** The curated (gold) layer, re-anchored the same way (lib/server/agreement/reanchor-curated.ts). */
  curated: CuratedRevisionReport;
}

const annotationFields = {
  id: true,
  ...annotationAnchorSelect,
  anchorStatus: true,
  deletedAt: true,
  dismissedAt: true,
} satisfies Prisma.AnnotationSelect;

type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationFields }>;

interface Placement {
  paragraphId: string;
  start: number;
  end: number;
}

/**
 * Stores `parsed` as the next revision of an article, inside the caller's transaction: writes
 * the new paragraphs (the old ones stay, so orphans keep their quote in context), re-anchors
 * every annotation of the current text with lib/anchoring (and retries the open orphans of
 * earlier revisions), moves notes to the paragraph that became of theirs, bumps the
 * article's revision and publishes `article.revised` so open readers reload.
 */
export async function reviseArticle(
  tx: Prisma.TransactionClient,
  { articleId, parsed, hash }: { articleId: string; parsed: ParsedArticle; hash: string },
): Promise<RevisionReport> {
  // Serialises concurrent revisions of one article (the second waits and builds on the first), and
  // orders every write on its text against this one: writes lock the row FOR SHARE
  // (LOCKED_PARAGRAPH_SQL), so they either committed before this point, and are re-anchored
  // below, or wait for the commit and are refused as stale.
  const locked = await tx.$queryRaw<{ revision: number }[]>`SELECT "revision" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  const current = locked[0]?.revision;
  if (current === undefined) throw notFound("The article to replace");
  const revision = current + 1;

  const oldParagraphs = await tx.paragraph.findMany({
    where: { articleId, revision: current },
    orderBy: { position: "asc" },
    select: { id: true, text: true },
  });
  const created = await tx.paragraph.createManyAndReturn({
    data: parsed.paragraphs.map((paragraph, index) => ({ articleId, revision, position: index + 1, kind: paragraph.kind, text: paragraph.text })),
    select: { id: true, position: true, text: true },
  });
  await indexRevision(tx, articleId, revision, parsed.language);
  const newParagraphs = [...created].sort((a, b) => a.position - b.position);
  const oldTexts = oldParagraphs.map((paragraph) => paragraph.text);
  const newTexts = newParagraphs.map((paragraph) => paragraph.text);
  const oldIndex = new Map(oldParagraphs.map((paragraph, index) => [paragraph.id, index]));

  const report: RevisionReport = {
    revision,
    annotations: { kept: 0, moved: 0, orphaned: 0, recovered: 0 },
    notes: { kept: 0, moved: 0, toNearest: 0, withOrphans: 0 },
    orphans: [],
    curated: { kept: 0, moved: 0, orphaned: 0, recovered: 0, orphans: [] },
  };
  const placements = new Map<string, Placement | null>();

  // 1. Annotations on the current text.
  const onCurrent = await tx.annotation.findMany({ where: { articleId, paragraph: { revision: current } }, select: annotationFields });
  const currentResults = reanchor(oldTexts, newTexts, onCurrent.map((row) => stored(row, oldIndex.get(row.paragraphId) ?? 0)));
  for (const [index, result] of currentResults.entries()) {
    const row = onCurrent[index]!;
    const live = !row.deletedAt && !row.dismissedAt;
    if ("status" in result) {
      placements.set(row.id, null);
      await tx.annotation.update({ where: { id: row.id }, data: { anchorStatus: "ORPHANED", version: { increment: 1 } } });
      if (live) {
        report.annotations.orphaned++;
        if (report.orphans.length < 100) report.orphans.push({ id: row.id, exact: row.exact, kind: row.kind });
      }
      continue;
    }
    const oldText = oldTexts[oldIndex.get(row.paragraphId) ?? -1];
    const unchanged = oldText === newTexts[result.paragraphIndex] && result.start === row.start && result.end === row.end;
    placements.set(row.id, await place(tx, row, result, newParagraphs, unchanged ? row.anchorStatus : "REANCHORED"));
    if (live) report.annotations[unchanged ? "kept" : "moved"]++;
  }

  // 2. Open orphans of earlier revisions: the new text may have their words again.
  const olderOrphans = await tx.annotation.findMany({
    where: { articleId, anchorStatus: "ORPHANED", dismissedAt: null, deletedAt: null, paragraph: { revision: { lt: current } } },
    select: { ...annotationFields, paragraph: { select: { revision: true } } },
  });
  const byRevision = new Map<number, typeof olderOrphans>();
  for (const row of olderOrphans) byRevision.set(row.paragraph.revision, [...(byRevision.get(row.paragraph.revision) ?? []), row]);
  for (const [olderRevision, rows] of byRevision) {
    const paragraphs = await tx.paragraph.findMany({ where: { articleId, revision: olderRevision }, orderBy: { position: "asc" }, select: { id: true, text: true } });
    const index = new Map(paragraphs.map((paragraph, i) => [paragraph.id, i]));
    const results = reanchor(paragraphs.map((paragraph) => paragraph.text), newTexts, rows.map((row) => stored(row, index.get(row.paragraphId) ?? 0)));
    for (const [i, result] of results.entries()) {
      const row = rows[i]!;
      if ("status" in result) {
        placements.set(row.id, null);
        continue;
      }
      placements.set(row.id, await place(tx, row, result, newParagraphs, "REANCHORED"));
      report.annotations.recovered++;
    }
  }

  // 3. Notes on the current text: with their highlight when they have one, else with their paragraph.
  await moveNotes(tx, { articleId, current, oldParagraphs, newParagraphs, placements, report });
  report.curated = await reanchorCurated(tx, { articleId, current, newParagraphs });

  // 4. The article itself: new revision and hash; metadata the new text carries wins.
  await tx.article.update({
    where: { id: articleId },
    data: {
      revision,
      contentHash: hash,
      title: parsed.title,
      language: parsed.language,
      ...(parsed.metadata.source ? { source: parsed.metadata.source } : {}),
      ...(parsed.metadata.sourceUrl ? { sourceUrl: parsed.metadata.sourceUrl } : {}),
      ...(parsed.metadata.author ? { author: parsed.metadata.author } : {}),
      ...(parsed.metadata.publishedAt ? { publishedAt: new Date(parsed.metadata.publishedAt) } : {}),
    },
  });
  await publishEvent(tx, articleId, { type: "article.revised" }, null);
  return report;
}

function stored(row: AnnotationRow, paragraphIndex: number): StoredAnnotation {
  return { id: row.id, paragraphIndex, start: row.start, end: row.end, exact: row.exact, prefix: row.prefix, suffix: row.suffix };
}

/** Moves an annotation onto the new text, refreshing its quote and context from there. */
async function place(
  tx: Prisma.TransactionClient,
  row: AnnotationRow,
  result: Exclude<ReanchorResult, { status: "ORPHANED" }>,
  newParagraphs: { id: string; text: string }[],
  anchorStatus: AnchorStatus,
): Promise<Placement> {
  const paragraph = newParagraphs[result.paragraphIndex]!;
  const selector = describeRange(paragraph.text, result.start, result.end);
  await tx.annotation.update({
    where: { id: row.id },
    data: { paragraphId: paragraph.id, ...selector, anchorStatus, version: { increment: 1 } },
  });
  return { paragraphId: paragraph.id, start: result.start, end: result.end };
}

async function moveNotes(
  tx: Prisma.TransactionClient,
  {
    articleId,
    current,
    oldParagraphs,
    newParagraphs,
    placements,
    report,
  }: {
    articleId: string;
    current: number;
    oldParagraphs: { id: string; text: string }[];
    newParagraphs: { id: string; text: string }[];
    placements: Map<string, Placement | null>;
    report: RevisionReport;
  },
): Promise<void> {
  const notes = await tx.note.findMany({
    where: { articleId, paragraph: { revision: current } },
    select: { id: true, paragraphId: true, annotationId: true, parentId: true, deletedAt: true },
  });
  if (notes.length === 0) return;

  const map = mapParagraphs(
    oldParagraphs.map((paragraph) => paragraph.text),
    newParagraphs.map((paragraph) => paragraph.text),
  );
  const oldIndex = new Map(oldParagraphs.map((paragraph, index) => [paragraph.id, index]));
  const byId = new Map(notes.map((note) => [note.id, note]));

  // Where a thread goes, decided by its first note; replies always follow.
  const root = (note: (typeof notes)[number]) => {
    let cursor = note;
    for (let depth = 0; cursor.parentId && byId.has(cursor.parentId) && depth < 1000; depth++) cursor = byId.get(cursor.parentId)!;
    return cursor;
  };
  type Destination = { paragraphId: string; how: "kept" | "moved" | "toNearest" } | { paragraphId: null; how: "withOrphans" };
  const destinationOf = (note: (typeof notes)[number]): Destination => {
    if (note.annotationId && placements.has(note.annotationId)) {
      const placement = placements.get(note.annotationId);
      if (!placement) return { paragraphId: null, how: "withOrphans" };
      const i = oldIndex.get(note.paragraphId);
      const same = i !== undefined && map.identical[i] !== -1 && newParagraphs[map.identical[i]!]!.id === placement.paragraphId;
      return { paragraphId: placement.paragraphId, how: same ? "kept" : "moved" };
    }
    const i = oldIndex.get(note.paragraphId);
    if (i === undefined) return { paragraphId: null, how: "withOrphans" };
    if (map.identical[i] !== -1) return { paragraphId: newParagraphs[map.identical[i]!]!.id, how: "kept" };
    const similar = map.similar[i]?.[0];
    if (similar !== undefined) return { paragraphId: newParagraphs[similar]!.id, how: "moved" };
    // The paragraph is gone: the nearest surviving one is where its text used to be.
    return { paragraphId: newParagraphs[map.expected[i]!]!.id, how: "toNearest" };
  };

  const moves = new Map<string, string[]>();
  for (const note of notes) {
    const destination = destinationOf(root(note));
    if (!note.deletedAt) report.notes[destination.how]++;
    if (destination.paragraphId === null) continue;
    const list = moves.get(destination.paragraphId) ?? [];
    list.push(note.id);
    moves.set(destination.paragraphId, list);
  }
  for (const [paragraphId, ids] of moves) {
    await tx.note.updateMany({ where: { id: { in: ids } }, data: { paragraphId } });
  }
}
