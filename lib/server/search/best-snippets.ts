import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { findMentions, type TextSpan } from "@/lib/morphology";
import { noteSearchText } from "@/lib/search/documents";
import type { SearchTerm } from "@/lib/search/query";
import { ON_ARTICLE, paragraphHitsSql, sideHitsSql, type ArticleRow } from "./hits-sql";
import { querySearchRows } from "./query-search-rows";
import type { SearchRules } from "./search-rules";

/** The best matches shown under each article. */
const SNIPPETS_PER_ARTICLE = 3;
/** A snippet longer than this is cut around its first match. */
const SNIPPET_LENGTH = 320;

/** Where a match was found: the text, an annotation's quoted words, a tagged entity's name, a quote's speaker, or a note. */
export type SnippetSource = "paragraph" | "annotation" | "entity" | "speaker" | "note";

/** A match under an article, with the words that matched the query marked (offsets into `text`). */
export interface SearchSnippet {
  source: SnippetSource;
  /** The fragment to link to: `p-N` (a paragraph) or `a-<id>` (an annotation, or the one a note is on). */
  anchor: string;
  /** 1-based position of the paragraph it is in. */
  position: number;
  /**
   * The project layer an annotation or note hit belongs to (null: the text itself, or work made
   * outside projects): its link opens the article in that layer (articleHref, lib/projects/layer-link.ts).
   */
  layer: string | null;
  /** What it is, for a match that is not the text itself: "Note by Anna", "Person: Ирина Соболева", … */
  label: string | null;
  text: string;
  /** True when `text` is cut from a longer one (show an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
  marks: TextSpan[];
}

const SOURCE_LABEL: Record<Exclude<SnippetSource, "paragraph">, string> = { annotation: "Highlight", entity: "Entity", speaker: "Quote", note: "Note" };

/** One of an article's best matches with what its snippet shows (text: null when its row is gone). */
interface SnippetRow {
  articleId: string;
  source: SnippetSource;
  position: number;
  annotationId: string | null;
  text: string | null;
  layer: string | null;
  author: string | null;
  kind: string | null;
  typeLabel: string | null;
  entityName: string | null;
  speakerName: string | null;
}

/** The best matches of each article on the page, as snippets: text, annotation, entity, speaker or note. */
export async function bestSnippets(articles: ArticleRow[], tsquery: string, terms: SearchTerm[], rules: SearchRules): Promise<Map<string, SearchSnippet[]>> {
  const found = new Map<string, SearchSnippet[]>();
  if (!articles.length) return found;
  // The best matches with the words and labels to show, in one statement: the hits were
  // authorised by sideHitsSql's read rules; the rest only reads their text, author and names. Those
  // are looked up one row each (scalar subqueries) rather than joined: eight outer joins made
  // PostgreSQL weigh their orders on every search, 2–3 ms of planning for at most 60 lookups.
  // Annotations, names and notes are searched only on the articles where the walk or the ranking
  // found one (sideHit): most pages have none, and their read rules were most of the planning.
  const ids = (list: ArticleRow[]) => Prisma.sql`= ANY(${list.map((article) => article.id)}::text[])`;
  const sided = articles.filter((article) => article.sideHit);
  const places = sided.length
    ? Prisma.sql`${paragraphHitsSql(tsquery, ids(articles))} UNION ALL ${sideHitsSql(tsquery, rules, ids(sided))}`
    : paragraphHitsSql(tsquery, ids(articles));
  const hits = await querySearchRows<SnippetRow>(Prisma.sql`
    ${sided.length ? Prisma.sql`WITH ${rules.with}` : Prisma.empty}
    SELECT "b"."articleId", "b"."source", "b"."position", "b"."annotationId",
      CASE "b"."source" WHEN 'paragraph' THEN (SELECT "pp"."text" FROM "Paragraph" AS "pp" WHERE "pp"."id" = "b"."refId") WHEN 'note' THEN "nn"."body" ELSE "mm"."exact" END AS "text",
      coalesce("nn"."projectId", "mm"."projectId") AS "layer",
      (SELECT "u"."name" FROM "user" AS "u" WHERE "u"."id" = coalesce("nn"."authorId", "mm"."authorId")) AS "author",
      "mm"."kind"::text AS "kind",
      (SELECT "et"."label" FROM "EntityType" AS "et" WHERE "et"."id" = "mm"."entityTypeId") AS "typeLabel",
      (SELECT "en"."name" FROM "Entity" AS "en" WHERE "en"."id" = "mm"."entityId") AS "entityName",
      (SELECT "sp"."name" FROM "Entity" AS "sp" WHERE "sp"."id" = "mm"."speakerId") AS "speakerName"
    FROM (
      SELECT "h".*, row_number() OVER (PARTITION BY "h"."articleId" ORDER BY "h"."rank" DESC, "h"."position", "h"."source") AS "n"
      FROM (${places}) AS "h" ${ON_ARTICLE}
    ) AS "b"
    LEFT JOIN "Note" AS "nn" ON "b"."source" = 'note' AND "nn"."id" = "b"."refId"
    LEFT JOIN "Annotation" AS "mm" ON "b"."source" IN ('annotation', 'entity', 'speaker') AND "mm"."id" = "b"."refId"
    WHERE "b"."n" <= ${SNIPPETS_PER_ARTICLE} ORDER BY "b"."articleId", "b"."n"`);
  const language = new Map(articles.map((article) => [article.id, article.language]));

  for (const hit of hits) {
    if (hit.text === null) continue;
    const lang = language.get(hit.articleId);
    const anchor = hit.annotationId ? `a-${hit.annotationId}` : `p-${hit.position}`;
    let snippet: Omit<SearchSnippet, "source" | "anchor" | "position" | "label" | "layer">;
    let label: string | null = null;
    if (hit.source === "paragraph") snippet = snippetOf(hit.text, terms, lang);
    else if (hit.source === "note") {
      snippet = snippetOf(noteSearchText(hit.text), terms);
      label = `${SOURCE_LABEL.note} by ${hit.author}`;
    } else if (hit.source === "annotation") {
      snippet = snippetOf(hit.text, terms, lang);
      label = `${hit.kind === "ENTITY" ? (hit.typeLabel ?? SOURCE_LABEL.entity) : hit.kind === "QUOTE" ? SOURCE_LABEL.speaker : SOURCE_LABEL.annotation} by ${hit.author}`;
    } else {
      // The name matched, not the words: show the words, labelled with the name.
      const named = hit.source === "entity" ? hit.entityName : hit.speakerName;
      snippet = { text: hit.text, cutBefore: false, cutAfter: false, marks: [] };
      label = named === null ? null : hit.source === "entity" ? `${hit.typeLabel ?? SOURCE_LABEL.entity}: ${named}` : `${SOURCE_LABEL.speaker} by ${named}`;
    }
    const layer = hit.source === "paragraph" ? null : hit.layer;
    found.set(hit.articleId, [...(found.get(hit.articleId) ?? []), { source: hit.source, anchor, position: hit.position, label, layer, ...snippet }]);
  }
  return found;
}

/** The query's words in a text (any inflected form), merged where they touch. */
export function markedSpans(text: string, terms: readonly SearchTerm[], language?: string): TextSpan[] {
  const spans = terms.flatMap((term) => findMentions(text, term.text, language)).sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: TextSpan[] = [];
  for (const span of spans) {
    const last = marks[marks.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else marks.push({ ...span });
  }
  return marks;
}

/** A text as a snippet: the query's words marked (any inflected form), cut around the first mark when long. */
export function snippetOf(text: string, terms: readonly SearchTerm[], language?: string): Pick<SearchSnippet, "text" | "cutBefore" | "cutAfter" | "marks"> {
  const marks = markedSpans(text, terms, language);
  if (text.length <= SNIPPET_LENGTH) return { text, cutBefore: false, cutAfter: false, marks };
  const first = marks[0]?.start ?? 0;
  // Start at a word boundary a little before the first match, so it is seen with some context.
  let from = Math.max(0, Math.min(first - 80, text.length - SNIPPET_LENGTH));
  if (from > 0) from = text.indexOf(" ", from) + 1 || from;
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  // And end at one, not mid-word.
  if (to < text.length) to = Math.max(text.lastIndexOf(" ", to), from + 1);
  return {
    text: text.slice(from, to),
    cutBefore: from > 0,
    cutAfter: to < text.length,
    marks: marks.filter((mark) => mark.start >= from && mark.end <= to).map((mark) => ({ start: mark.start - from, end: mark.end - from })),
  };
}
