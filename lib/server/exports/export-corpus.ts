import "server-only";
import { annotationDTOFromRow } from "@/lib/annotations/annotation-row";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { PROGRESS_UNITS, type ArticleExport, type ExportLayer, type ProgressUnit } from "@/lib/exporting";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableNoteWhere, readableProjectWhere, readableWorkWhere } from "@/lib/permissions/where";
import { annotationRowSelect, loadAnnotationRefs, noteSelect, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { libraryWhere } from "@/lib/server/articles/list-articles";
import { notFound, unauthenticated } from "@/lib/server/errors";
import { matchArticles } from "@/lib/server/search/search-articles";
import { corpusExportQuerySchema, EXPORT_TOTAL_HEADER, EXPORT_UNIT_HEADER } from "@/lib/validations/export";
import { EXPORT_FORMAT_SPECS, type ExportFile } from "./export-formats";

/** Articles read from the database at a time: enough to keep round trips few, few enough to keep memory flat. */
export const EXPORT_BATCH_SIZE = 100;
/** Ids per `IN (…)` list when counting a search result (PostgreSQL takes at most 65,535 parameters). */
const COUNT_CHUNK = 5_000;

interface ArticleHead {
  id: string;
  slug: string;
  title: string;
  language: string;
  revision: number;
  createdAt: Date;
}
const articleHeadSelect = { id: true, slug: true, title: true, language: true, revision: true, createdAt: true } satisfies Prisma.ArticleSelect;

/** The articles an export spans, a batch at a time, in the order the export writes them. */
type ArticleBatches = () => AsyncGenerator<ArticleHead[]>;

/**
 * Which work an export takes beyond the read rules: everything the reader may read (`{}`), or one
 * project's (`{ projectId }`): its layer's work on its articles.
 */
type WorkScope = { projectId?: string };

/** The library as this reader's library page lists it (not archived, readable), newest first, by keyset pages; `within` narrows it. */
function libraryBatches(actor: Actor | null, within: Prisma.ArticleWhereInput): ArticleBatches {
  return async function* () {
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const keyset: Prisma.ArticleWhereInput = after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
      const batch: ArticleHead[] = await db().article.findMany({
        where: { AND: [libraryWhere({ actor }), within, keyset] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: EXPORT_BATCH_SIZE,
        select: articleHeadSelect,
      });
      if (batch.length > 0) yield batch;
      if (batch.length < EXPORT_BATCH_SIZE) return;
      after = batch.at(-1)!;
    }
  };
}

/** A search result, best first: the matches are ids and ranks only, the articles are read a batch at a time. */
function searchBatches(articles: ArticleHead[]): ArticleBatches {
  return async function* () {
    for (let from = 0; from < articles.length; from += EXPORT_BATCH_SIZE) yield articles.slice(from, from + EXPORT_BATCH_SIZE);
  };
}

/**
 * The project layers work is in, by id, read once per export as batches name them: a library has
 * few projects, so the map stays small however many articles stream past it.
 */
function layerNames(): (ids: Iterable<string | null>) => Promise<ReadonlyMap<string, ExportLayer>> {
  const known = new Map<string, ExportLayer>();
  return async (ids) => {
    const missing = [...new Set(ids)].filter((id): id is string => id !== null && !known.has(id));
    if (missing.length > 0) {
      for (const project of await db().project.findMany({ where: { id: { in: missing } }, select: { id: true, slug: true, name: true } })) {
        known.set(project.id, { slug: project.slug, name: project.name });
      }
    }
    return known;
  };
}

/**
 * One batch of articles with their current text and what this reader may see on it, in four
 * queries whatever the batch size (paragraphs, annotations, notes, and the rows they refer to).
 * A corpus holds every project layer the reader may read (a library export is everything they
 * may read, not one desk's view of each story): each annotation and note names its layer
 * (`layers`), so the CSV's `project` column and the W3C `dcterms:isPartOf` tell them apart.
 */
async function loadBatch(actor: Actor | null, work: WorkScope, heads: ArticleHead[], layers: ReturnType<typeof layerNames>): Promise<ArticleExport[]> {
  // With the role: an admin reads every project layer, as in the reader.
  const reader = actor ? { id: actor.id, role: actor.role } : null;
  const paragraphs = await db().paragraph.findMany({
    where: { OR: heads.map((head) => ({ articleId: head.id, revision: head.revision })) },
    orderBy: [{ articleId: "asc" }, { position: "asc" }],
    select: { id: true, articleId: true, position: true, text: true },
  });
  const paragraphIds = paragraphs.map((paragraph) => paragraph.id);
  const [annotations, notes] = await Promise.all([
    db().annotation.findMany({
      where: { paragraphId: { in: paragraphIds }, anchorStatus: { not: "ORPHANED" }, ...work, ...readableWorkWhere(reader) },
      orderBy: [{ start: "asc" }, { end: "desc" }, { id: "asc" }],
      select: annotationRowSelect,
    }),
    db().note.findMany({ where: { paragraphId: { in: paragraphIds }, ...work, ...readableNoteWhere(reader) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: noteSelect }),
  ]);
  const [refs, named] = await Promise.all([loadAnnotationRefs(db(), annotations), layers([...annotations, ...notes].map((row) => row.projectId))]);
  const docs = new Map<string, ArticleExport>(
    heads.map((head) => [head.id, { article: { slug: head.slug, title: head.title, language: head.language, paragraphs: [] }, annotations: [], notes: [], layers: named }]),
  );
  for (const { articleId, ...paragraph } of paragraphs) docs.get(articleId)!.article.paragraphs.push(paragraph);
  for (const row of annotations) docs.get(row.articleId)?.annotations.push(annotationDTOFromRow(row, refs));
  for (const row of notes) docs.get(row.articleId)?.notes.push(toNoteDTO(row));
  return [...docs.values()];
}

/** The articles of an export, one at a time, read a batch ahead at most. */
async function* articleSource(actor: Actor | null, work: WorkScope, batches: ArticleBatches): AsyncGenerator<ArticleExport> {
  const layers = layerNames();
  for await (const heads of batches()) yield* await loadBatch(actor, work, heads, layers);
}

/** How many progress units the export will hold, counted before it starts (what the progress bar fills to). */
async function countUnits(unit: ProgressUnit, actor: Actor | null, work: WorkScope, scope: Prisma.ArticleWhereInput[]): Promise<number> {
  // With the role: an admin reads every project layer, as in the reader.
  const reader = actor ? { id: actor.id, role: actor.role } : null;
  const counts = await Promise.all(
    scope.map(async (article) => {
      if (unit === "articles") return db().article.count({ where: article });
      const annotations = db().annotation.count({ where: { article, anchorStatus: { not: "ORPHANED" }, ...work, ...readableWorkWhere(reader) } });
      if (unit === "rows") return annotations;
      // A W3C export also holds each paragraph note and reply as an annotation of its own.
      const notes = db().note.count({ where: { article, ...work, AND: [readableNoteWhere(reader), { OR: [{ annotationId: null }, { parentId: { not: null } }] }] } });
      return (await annotations) + (await notes);
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The project `projectId` if this reader may read it (a Closed one: its members and admins), else 404 alike for an unknown one. */
async function readableProject(actor: Actor | null, projectId: string): Promise<{ id: string; slug: string; name: string }> {
  const project = await db().project.findFirst({ where: { id: projectId, ...readableProjectWhere(actor && { id: actor.id, role: actor.role }) }, select: { id: true, slug: true, name: true } });
  if (!project) throw notFound("The project");
  return project;
}

/** Those of `heads` that are in project `projectId`, in the order given (a search result keeps its ranking). */
async function inProject(heads: ArticleHead[], projectId: string): Promise<ArticleHead[]> {
  const members = new Set<string>();
  for (let from = 0; from < heads.length; from += COUNT_CHUNK) {
    const links = await db().articleProject.findMany({ where: { projectId, articleId: { in: heads.slice(from, from + COUNT_CHUNK).map((head) => head.id) } }, select: { articleId: true } });
    for (const link of links) members.add(link.articleId);
  }
  return heads.filter((head) => members.has(head.id));
}

/**
 * An export of many articles: the library as this reader's library page lists it (`q` absent) or the
 * articles a search finds (the search page's own matching, best first), each with the
 * annotations and notes this reader may see; with `project`, only that project's articles and its
 * layer's work on them (a desk's own data set, e.g. its entity tags for training), 404 for a
 * project the reader may not read. The file streams: articles are read from the
 * database a batch at a time as the client pulls, so memory stays flat however large the
 * corpus. The response says beforehand how many progress units (see lib/exporting/progress.ts)
 * the file will hold, for the browser's progress bar.
 */
export async function exportCorpus({ actor, query }: { actor: Actor | null; query: unknown }): Promise<ExportFile> {
  const { format, bom, q, project: projectId } = corpusExportQuerySchema.parse(query);
  if (!canReadLibrary(actor, readPolicy())) throw unauthenticated("export the library");
  const project = projectId === undefined ? null : await readableProject(actor, projectId);
  const work: WorkScope = project ? { projectId: project.id } : {};
  const within: Prisma.ArticleWhereInput = project ? { projects: { some: { projectId: project.id } } } : {};
  // The file is named after what it holds: glossa-<project slug>-library-<date>.csv.
  const prefix = project ? `glossa-${project.slug}` : "glossa";
  const spec = EXPORT_FORMAT_SPECS[format];
  const unit = PROGRESS_UNITS[format];
  const self = new URL("/api/exports", config().baseURL);
  self.searchParams.set("format", format);

  let batches: ArticleBatches;
  let scope: Prisma.ArticleWhereInput[];
  let name: string;
  let label: string;
  if (q !== undefined && q.trim() !== "") {
    const { ranked } = await matchArticles({ actor, q });
    const matched = ranked.map(({ article }) => article);
    const heads = project ? await inProject(matched, project.id) : matched;
    batches = searchBatches(heads);
    scope = [];
    for (let from = 0; from < heads.length; from += COUNT_CHUNK) scope.push({ id: { in: heads.slice(from, from + COUNT_CHUNK).map((head) => head.id) } });
    self.searchParams.set("q", q);
    name = `${prefix}-search-${today()}`;
    label = `Glossa search: ${q}`;
  } else {
    batches = libraryBatches(actor, within);
    scope = [{ AND: [libraryWhere({ actor }), within] }];
    name = `${prefix}-library-${today()}`;
    label = "Glossa library";
  }
  if (project) {
    self.searchParams.set("project", project.id);
    label = `${label} (${project.name})`;
  }
  const total = await countUnits(unit, actor, work, scope);
  return {
    filename: `${name}.${spec.extension}`,
    contentType: spec.contentType,
    chunks: spec.write(articleSource(actor, work, batches), { bom, collection: { id: self.href, label } }),
    headers: { [EXPORT_TOTAL_HEADER]: String(total), [EXPORT_UNIT_HEADER]: unit },
  };
}
