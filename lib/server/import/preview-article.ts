import "server-only";
import { db } from "@/lib/db";
import type { ParsedArticle, ParsedParagraph } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { assertCanImport } from "@/lib/server/import/assert-can-import";
import { ENCODING_LABELS, REPAIRS, type EncodingId, type RepairId, type RepairSuggestion } from "@/lib/server/import/encoding";
import { readSource, type ArticleSource } from "@/lib/server/import/read-source";

/** An existing article an import may duplicate or replace. */
export interface ArticleMatch {
  id: string;
  slug: string;
  title: string;
  revision: number;
  archived: boolean;
}

/** What the admin sees of one article before anything is written. */
export interface ArticlePreview {
  title: string;
  language: string;
  paragraphCount: number;
  /** The first paragraphs, each cut to 600 characters. */
  paragraphs: ParsedParagraph[];
  metadata: ParsedArticle["metadata"];
  warnings: string[];
  hash: string;
  encoding?: { id: EncodingId; label: string };
  repaired?: { id: RepairId; label: string };
  repairSuggestion: RepairSuggestion | null;
  /** An article with exactly this content: importing is a no-op. */
  identical: ArticleMatch | null;
  /** The article with the same source URL: importing makes a new revision of it. */
  sameSource: ArticleMatch | null;
  /** Other articles with the same title: possible duplicates. */
  sameTitle: ArticleMatch[];
}

const FIRST_PARAGRAPHS = 3;
const PARAGRAPH_PREVIEW_CHARS = 600;

const matchSelect = { id: true, slug: true, title: true, revision: true, archivedAt: true } as const;

function toMatch(row: { id: string; slug: string; title: string; revision: number; archivedAt: Date | null }): ArticleMatch {
  return { id: row.id, slug: row.slug, title: row.title, revision: row.revision, archived: row.archivedAt !== null };
}

/** The matches of one parsed article among the stored ones. */
export async function findMatches(parsed: ParsedArticle, hash: string): Promise<Pick<ArticlePreview, "identical" | "sameSource" | "sameTitle">> {
  const sourceUrl = parsed.metadata.sourceUrl;
  const [identical, sameSource, sameTitle] = await Promise.all([
    db().article.findFirst({ where: { contentHash: hash }, orderBy: { createdAt: "asc" }, select: matchSelect }),
    sourceUrl
      ? db().article.findFirst({ where: { sourceUrl }, orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }], select: matchSelect })
      : null,
    db().article.findMany({ where: { title: { equals: parsed.title, mode: "insensitive" } }, orderBy: { createdAt: "desc" }, take: 5, select: matchSelect }),
  ]);
  const excluded = new Set([identical?.id, sameSource?.id]);
  return {
    identical: identical && toMatch(identical),
    sameSource: sameSource && toMatch(sameSource),
    sameTitle: sameTitle.filter((row) => !excluded.has(row.id)).map(toMatch),
  };
}

/** The preview of a parsed article, without database lookups. */
export function describeArticle(parsed: ParsedArticle, hash: string) {
  return {
    title: parsed.title,
    language: parsed.language,
    paragraphCount: parsed.paragraphs.length,
    paragraphs: parsed.paragraphs.slice(0, FIRST_PARAGRAPHS).map((paragraph) => ({
      kind: paragraph.kind,
      text: paragraph.text.length > PARAGRAPH_PREVIEW_CHARS ? `${paragraph.text.slice(0, PARAGRAPH_PREVIEW_CHARS)}…` : paragraph.text,
    })),
    metadata: parsed.metadata,
    warnings: parsed.warnings,
    hash,
  };
}

/** Parses one article (paste, file or URL) and reports what importing it would do; writes nothing. */
export async function previewArticle({ actor, source }: { actor: Actor | null; source: ArticleSource }): Promise<ArticlePreview> {
  assertCanImport(actor);
  const read = await readSource(source);
  return {
    ...describeArticle(read.parsed, read.hash),
    encoding: read.encoding && { id: read.encoding, label: ENCODING_LABELS[read.encoding] },
    repaired: read.repaired && { id: read.repaired, label: REPAIRS[read.repaired].label },
    repairSuggestion: read.repairSuggestion,
    ...(await findMatches(read.parsed, read.hash)),
  };
}
