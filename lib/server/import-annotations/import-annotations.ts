import "server-only";
import { z } from "zod";
import { kindOf, type RefTable } from "@/lib/annotations/kinds";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { exportIris, parseW3CAnnotations, placeAnnotation, type ParsedAnnotation, type ParsedNoteItem, type ParsedW3CItem, type PlacementParagraph } from "@/lib/exporting";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableEntityWhere, readableWorkWhere } from "@/lib/permissions/where";
import { noteSelect, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { insertAnnotation } from "@/lib/server/annotations/create-annotation";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { resolveWriteLayer } from "@/lib/server/projects/resolve-write-layer";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { AppError, unauthenticated } from "@/lib/server/errors";
import { audienceOf, publishEvent } from "@/lib/server/live/publish-event";
import { createAnnotationSchema, noteBodySchema, visibilitySchema, type CreateAnnotationInput } from "@/lib/validations/annotation";

/** The most annotations one file may hold: all of them are written in one transaction. */
export const MAX_IMPORTED_ITEMS = 5_000;

export const importAnnotationsOptionsSchema = z.object({ visibility: visibilitySchema.default("SHARED") });

/** What became of one item of the file (`index` counts from 0 in the file's list). */
export interface ImportedItem {
  index: number;
  /** The item's `id` in the file, if it had one. */
  id: string | null;
  /** "Highlight", "Entity tag", "Quote", "Note", "Reply". */
  what: string;
  /** The annotated words (none for a paragraph note or reply). */
  exact: string | null;
  /** Anchored: the paragraph it is on; otherwise why it was left out. */
  paragraph?: number;
  detail?: string;
}

export interface AnnotationImportReport {
  /** Anchored and stored (annotations and notes), in file order. */
  anchored: ImportedItem[];
  /** Already on the article (imported before, or Glossa's own annotation still there): nothing added. */
  skipped: ImportedItem[];
  /** Could not be placed on the current text: nothing stored for them, each with its reason. */
  orphaned: ImportedItem[];
}

/** Tags a file has no business carrying in a note: refused so that no consumer of the notes (exports, other clients) is handed them. */
const ACTIVE_CONTENT = /<\s*\/?\s*(script|iframe|object|embed|style|svg|math|form|meta|link|base)\b|\bjavascript\s*:|\bon[a-z]+\s*=\s*["'`]/i;

function itemLabel(item: ParsedW3CItem): string {
  if (item.type === "note") return item.replyTo ? "Reply" : "Note";
  return kindOf(item.kind).label;
}

/** The article's own IRIs, and the path of them on any Glossa (an export from another instance names the same slug). */
function targetsThisArticle(source: string, articleIri: string, slug: string, sourceUrl: string | null): boolean {
  const within = (iri: string) => source === iri || ["#", "/", "?"].some((next) => source.startsWith(`${iri}${next}`));
  if (within(articleIri)) return true;
  if (sourceUrl && within(sourceUrl.replace(/\/+$/, ""))) return true;
  try {
    const path = new URL(source).pathname;
    const own = `/articles/${encodeURIComponent(slug)}`;
    return path === own || path.startsWith(`${own}/`);
  } catch {
    return false;
  }
}

/** The last path segment of an IRI under `prefix`, decoded, or null (a malformed escape included: it names nothing here). */
function idUnder(iri: string, prefix: string): string | null {
  if (!iri.startsWith(prefix)) return null;
  const rest = iri.slice(prefix.length);
  if (!rest || rest.includes("/")) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

/**
 * The key (entity types) or id (entities) a reference body's IRI names: one of this Glossa's IRIs,
 * or the same path on another Glossa (an export from a colleague's instance names the same rows).
 */
function referenceKey(iri: string, ref: RefTable): string | null {
  const own = exportIris(config().baseURL);
  const [prefix, path] = ref === "entityTypes" ? [own.entityType(""), "/entity-types/"] : [own.entity(""), "/entities/"];
  const direct = idUnder(iri, prefix);
  if (direct) return direct;
  try {
    return idUnder(new URL(iri).pathname, path);
  } catch {
    return null;
  }
}

/**
 * Imports W3C Web Annotations (Glossa's own JSON-LD export, or another Web Annotation client's)
 * onto one article, as the importer's own work. The file is checked whole before anything is
 * written, and written in one transaction: a file that is not JSON, not Web Annotations, with an
 * item that cannot be read, that targets another document, carries active content in a note, or
 * holds too many items is refused (4xx) and leaves nothing behind.
 *
 * Each annotation is anchored by its quote (with context) and position (placeAnnotation): those
 * whose words are not in the current text are reported as orphaned, with the reason, and not
 * stored. Importing the same file again adds nothing: an item whose anchored span, kind and
 * fields match one of the importer's annotations already there (or that names a Glossa
 * annotation of this article that is still there) is skipped, and so is a note whose paragraph,
 * thread and text match one already there.
 */
export async function importAnnotations({ actor, articleId, file, options }: { actor: Actor | null; articleId: string; file: unknown; options: unknown }): Promise<AnnotationImportReport> {
  const { visibility } = importAnnotationsOptionsSchema.parse(options);
  if (!actor) throw unauthenticated("import annotations");
  const { revision } = await findReadableArticle(actor, articleId, "import annotations");
  // Their role in the project layer the work goes into decides (403 there), as for a tag made by hand.
  const layer = await resolveWriteLayer(actor, articleId);

  const parsed = parseW3CAnnotations(file);
  const whole = parsed.errors.find((error) => error.index === -1);
  if (whole) throw new AppError("INVALID_INPUT", whole.message);
  if (parsed.errors.length > 0) {
    throw new AppError("UNPROCESSABLE", `${parsed.errors.length === 1 ? "1 item" : `${parsed.errors.length} items`} of the file cannot be imported; nothing was imported.`, { items: parsed.errors });
  }
  if (parsed.items.length === 0) throw new AppError("UNPROCESSABLE", "The file holds no annotations.");
  if (parsed.items.length > MAX_IMPORTED_ITEMS) throw new AppError("TOO_LARGE", `The file holds ${parsed.items.length} annotations: import at most ${MAX_IMPORTED_ITEMS} at a time.`);

  const article = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, sourceUrl: true } });
  const iris = exportIris(config().baseURL);
  const articleIri = iris.article(article.slug);
  const foreign = parsed.items.filter((item) => !targetsThisArticle(item.source, articleIri, article.slug, article.sourceUrl));
  if (foreign.length > 0) {
    throw new AppError("UNPROCESSABLE", `${foreign.length === 1 ? "1 annotation targets" : `${foreign.length} annotations target`} another document, not this article; nothing was imported.`, {
      items: foreign.map((item) => ({ index: item.index, id: item.id, message: `Its target is ${item.source}.` })),
    });
  }
  const active = parsed.items.filter((item) => (item.type === "note" ? [item.body] : item.notes.map((note) => note.body)).some((body) => ACTIVE_CONTENT.test(body)));
  if (active.length > 0) {
    throw new AppError("UNPROCESSABLE", "A note in the file carries HTML script or other active content; nothing was imported.", {
      items: active.map((item) => ({ index: item.index, id: item.id, message: "Its note holds a script, an embedded object, an event handler or a javascript: link." })),
    });
  }

  const paragraphs: PlacementParagraph[] = await db().paragraph.findMany({ where: { articleId, revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } });
  const refs = await resolveReferences(actor, parsed.items, layer);

  return db().$transaction((tx) => writeImport(tx, { actor, articleId, slug: article.slug, visibility, paragraphs, items: parsed.items, refs, layer }), { timeout: 120_000, maxWait: 10_000 });
}

interface References {
  entityTypes: Map<string, string>;
  entities: Set<string>;
}

/**
 * The entity types (by key, in the label set of the layer the work goes into: a key means the same
 * type in every project's) and entities (by id, those the importer may know of) the file's IRIs name.
 */
async function resolveReferences(actor: Actor, items: ParsedW3CItem[], layer: string | null): Promise<References> {
  const typeKeys = new Set<string>();
  const entityIds = new Set<string>();
  for (const item of items) {
    if (item.type !== "annotation") continue;
    for (const [name, value] of Object.entries(item.fields)) {
      const spec = kindOf(item.kind).fields[name];
      if (!spec || !("ref" in spec)) continue;
      const key = referenceKey(value, spec.ref);
      if (key) (spec.ref === "entityTypes" ? typeKeys : entityIds).add(key);
    }
  }
  const [types, entities] = await Promise.all([
    typeKeys.size ? db().entityType.findMany({ where: { key: { in: [...typeKeys] }, projectId: layer ?? DEFAULT_PROJECT_ID }, select: { id: true, key: true } }) : [],
    entityIds.size ? db().entity.findMany({ where: { AND: [{ id: { in: [...entityIds] } }, readableEntityWhere(actor)] }, select: { id: true } }) : [],
  ]);
  return { entityTypes: new Map(types.map((type) => [type.key, type.id])), entities: new Set(entities.map((entity) => entity.id)) };
}

interface WriteContext {
  actor: Actor;
  articleId: string;
  slug: string;
  visibility: "SHARED" | "PRIVATE";
  paragraphs: PlacementParagraph[];
  items: ParsedW3CItem[];
  refs: References;
  /**
   * The project layer the work goes into (null: the article is in no project). "Already there"
   * means there, in this layer: the same words in another desk's layer are that desk's work, and a
   * file exported from it is imported into this one (a copy), not skipped.
   */
  layer: string | null;
}

/** The kind fields of a create input from the file's values: IRIs resolved to ids, an unknown required reference said. */
function kindInputs(item: ParsedAnnotation, refs: References): Record<string, string> | string {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(kindOf(item.kind).fields)) {
    const value = item.fields[name];
    if (value === undefined) continue;
    if (!("ref" in spec)) {
      inputs[spec.column] = value;
      continue;
    }
    const key = referenceKey(value, spec.ref);
    const resolved = key === null ? undefined : spec.ref === "entityTypes" ? refs.entityTypes.get(key) : refs.entities.has(key) ? key : undefined;
    if (resolved) inputs[spec.column] = resolved;
    // An entity this Glossa does not have: the words are linked (or a new entity made) as when tagging by hand.
    else if (!spec.optional) return `Its ${name === "entityType" ? "entity type" : name} ${value} does not exist here.`;
  }
  return inputs;
}

async function writeImport(tx: Prisma.TransactionClient, context: WriteContext): Promise<AnnotationImportReport> {
  const { actor, articleId, slug, visibility, paragraphs, items, refs, layer } = context;
  const iris = exportIris(config().baseURL);
  const report: AnnotationImportReport = { anchored: [], skipped: [], orphaned: [] };
  const byPosition = new Map(paragraphs.map((paragraph) => [paragraph.position, paragraph]));
  // The reader by id only, as the article's own loaders pass it: with the admin role the row
  // filter's project clause ({ project: {} }) matches no row in Prisma, and the importer's own
  // annotations would not be found (so a second import would duplicate them).
  const reader = { id: actor.id };
  const existing = await tx.annotation.findMany({
    where: { articleId, paragraphId: { in: paragraphs.map((paragraph) => paragraph.id) }, projectId: layer, ...readableWorkWhere(reader) },
    select: { id: true, paragraphId: true, start: true, end: true, kind: true, color: true, entityTypeId: true, entityId: true, speakerId: true, authorId: true },
  });
  const alive = new Set(existing.map((row) => row.id));
  const signature = (row: { paragraphId: string; start: number; end: number; kind: string; color?: string | null; entityTypeId?: string | null; speakerId?: string | null }) =>
    [row.paragraphId, row.start, row.end, row.kind, row.color ?? "", row.entityTypeId ?? "", row.speakerId ?? ""].join("\u0000");
  const mine = new Map(existing.filter((row) => row.authorId === actor.id).map((row) => [signature(row), row.id]));
  /** Where each file IRI (annotations, and notes given as bodies) landed here: what replies attach to. */
  const landed = new Map<string, { annotationId: string | null; noteId: string | null; paragraphId: string }>();
  const item = (entry: ParsedW3CItem, exact: string | null, extra: Partial<ImportedItem> = {}): ImportedItem => ({ index: entry.index, id: entry.id, what: itemLabel(entry), exact, ...extra });

  for (const entry of items) {
    if (entry.type !== "annotation") continue;
    const ownId = entry.id ? idUnder(entry.id, `${iris.article(slug)}/annotations/`) : null;
    if (ownId && alive.has(ownId)) {
      report.skipped.push(item(entry, entry.quote.exact, { detail: "This Glossa annotation is still on the article." }));
      const row = existing.find((candidate) => candidate.id === ownId)!;
      landed.set(entry.id!, { annotationId: row.id, noteId: null, paragraphId: row.paragraphId });
      continue;
    }
    const placement = placeAnnotation(paragraphs, entry);
    if (!placement.placed) {
      report.orphaned.push(item(entry, entry.quote.exact, { detail: placement.reason }));
      continue;
    }
    const inputs = kindInputs(entry, refs);
    if (typeof inputs === "string") {
      report.orphaned.push(item(entry, entry.quote.exact, { detail: inputs }));
      continue;
    }
    const [first, ...more] = entry.notes;
    const data: CreateAnnotationInput = createAnnotationSchema.parse({
      kind: entry.kind,
      paragraphId: placement.paragraph.id,
      start: placement.start,
      end: placement.end,
      exact: placement.exact,
      prefix: placement.prefix,
      suffix: placement.suffix,
      visibility,
      ...inputs,
      ...(first && kindOf(entry.kind).notes ? { note: first.body } : {}),
    });
    const duplicate = mine.get(signature({ ...data, ...inputs }));
    if (duplicate) {
      report.skipped.push(item(entry, placement.exact, { paragraph: placement.paragraph.position, detail: "Already imported: your annotation on these words is there." }));
      if (entry.id) landed.set(entry.id, { annotationId: duplicate, noteId: null, paragraphId: placement.paragraph.id });
      continue;
    }
    const annotation = await insertAnnotation(tx, { actor, articleId, data });
    mine.set(signature({ ...data, ...inputs }), annotation.id);
    const notes = [...(first && !("note" in data && data.note) ? [first] : []), ...more];
    let rootNoteId: string | null = null;
    if ("note" in data && data.note) {
      rootNoteId = (await tx.note.findFirst({ where: { annotationId: annotation.id }, select: { id: true } }))?.id ?? null;
      if (first?.id && rootNoteId) landed.set(first.id, { annotationId: annotation.id, noteId: rootNoteId, paragraphId: placement.paragraph.id });
    }
    for (const note of notes) {
      const created = await insertNote(tx, { actor, articleId, paragraphId: placement.paragraph.id, annotationId: annotation.id, parentId: rootNoteId, body: note.body, visibility });
      rootNoteId ??= created;
      if (note.id) landed.set(note.id, { annotationId: annotation.id, noteId: created, paragraphId: placement.paragraph.id });
    }
    if (entry.id) landed.set(entry.id, { annotationId: annotation.id, noteId: rootNoteId, paragraphId: placement.paragraph.id });
    const detail = [placement.moved ? "found in another paragraph than the file said" : "", placement.approximate ? `the text now reads «${placement.exact}»` : ""].filter(Boolean).join("; ");
    report.anchored.push(item(entry, placement.exact, { paragraph: placement.paragraph.position, ...(detail ? { detail: `Anchored, ${detail}.` } : {}) }));
  }

  // Paragraph notes first, then replies, each pass taking the replies whose parent has landed (a file may list a reply before its note).
  let pending = items.filter((entry): entry is ParsedNoteItem => entry.type === "note");
  for (let progress = true; pending.length > 0 && progress; ) {
    progress = false;
    const next: ParsedNoteItem[] = [];
    for (const entry of pending) {
      const target = entry.replyTo ? landed.get(entry.replyTo) ?? (await ownNote(tx, actor, articleId, layer, entry.replyTo, iris.note(slug, ""))) : null;
      if (entry.replyTo && !target) {
        next.push(entry);
        continue;
      }
      progress = true;
      const paragraph = target ? paragraphs.find((candidate) => candidate.id === target.paragraphId) : entry.paragraph === null ? undefined : byPosition.get(entry.paragraph);
      if (!paragraph) {
        report.orphaned.push(item(entry, null, { detail: `Paragraph ${entry.paragraph} is not in the article.` }));
        continue;
      }
      const placement = { paragraphId: paragraph.id, annotationId: target?.annotationId ?? null, parentId: target?.noteId ?? null };
      const body = noteBodySchema.parse(entry.body);
      const same = await tx.note.findFirst({ where: { articleId, ...placement, body, authorId: actor.id, deletedAt: null, projectId: layer }, select: { id: true } });
      const noteId = same?.id ?? (await insertNote(tx, { actor, articleId, ...placement, body, visibility }));
      if (entry.id) landed.set(entry.id, { annotationId: placement.annotationId, noteId: placement.parentId ?? noteId, paragraphId: paragraph.id });
      if (same) report.skipped.push(item(entry, null, { paragraph: paragraph.position, detail: "Already imported: your note with this text is there." }));
      else report.anchored.push(item(entry, null, { paragraph: paragraph.position }));
    }
    pending = next;
  }
  for (const entry of pending) report.orphaned.push(item(entry, null, { detail: `It replies to ${entry.replyTo}, which is neither in the file nor on the article.` }));
  for (const list of Object.values(report)) (list as ImportedItem[]).sort((a, b) => a.index - b.index);
  return report;
}

/**
 * A note of this article the importer may read, in the layer the import writes to, named by its
 * Glossa IRI: what a reply in the file may answer (a reply joins its thread's layer, so a thread
 * in another layer, one the importer may only read, takes none).
 */
async function ownNote(tx: Prisma.TransactionClient, actor: Actor, articleId: string, layer: string | null, iri: string, prefix: string) {
  const id = idUnder(iri, prefix);
  if (!id) return null;
  const note = await tx.note.findFirst({ where: { id, articleId, projectId: layer, ...readableWorkWhere({ id: actor.id }) }, select: { id: true, parentId: true, annotationId: true, paragraphId: true } });
  return note ? { annotationId: note.annotationId, noteId: note.parentId ?? note.id, paragraphId: note.paragraphId } : null;
}

/** Stores one note with its live event; a reply is never more visible than its thread (as createNote keeps it). */
async function insertNote(
  tx: Prisma.TransactionClient,
  { actor, articleId, paragraphId, annotationId, parentId, body, visibility }: { actor: Actor; articleId: string; paragraphId: string; annotationId: string | null; parentId: string | null; body: string; visibility: "SHARED" | "PRIVATE" },
): Promise<string> {
  // The project layer of what it is on (its thread, its highlight), else the importer's layer on the article.
  const on = parentId ? await tx.note.findUnique({ where: { id: parentId }, select: { projectId: true } }) : annotationId ? await tx.annotation.findUnique({ where: { id: annotationId }, select: { projectId: true } }) : null;
  const projectId = on ? on.projectId : await resolveWriteLayer(actor, articleId, undefined, tx);
  const row = await tx.note.create({ data: { articleId, paragraphId, annotationId, parentId, authorId: actor.id, body, visibility, projectId }, select: noteSelect });
  const note = toNoteDTO(row);
  await publishEvent(tx, articleId, { type: "note.upserted", note }, audienceOf(note.visibility, actor.id));
  return note.id;
}
