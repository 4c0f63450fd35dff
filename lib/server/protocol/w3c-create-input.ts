import "server-only";
import { kindOf, type AnnotationKind } from "@/lib/annotations/kinds";
import { parseW3CAnnotations, placeAnnotation, type ParsedAnnotation } from "@/lib/exporting";
import { db } from "@/lib/db";
import { AppError } from "@/lib/server/errors";
import type { LoadedContainer } from "@/lib/server/protocol/load-container";
import { createAnnotationSchema, type CreateAnnotationInput } from "@/lib/validations/annotation";

/** What a posted Web Annotation becomes: Glossa's create input, and the provenance the protocol keeps. */
export interface W3CCreate {
  data: CreateAnnotationInput;
  canonical: string | null;
  via: string | null;
}

const refused = (message: string) => new AppError("UNPROCESSABLE", message);
const MAX_IRI = 2000;

/** An optional IRI member (`canonical`, `id`): a string that parses as an absolute URL or URN, else 400. */
function iriMember(raw: Record<string, unknown>, name: string): string | null {
  const value = raw[name];
  if (value === undefined) return null;
  if (typeof value !== "string" || value.length > MAX_IRI || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(value)) {
    throw new AppError("INVALID_INPUT", `${name} must be an IRI (at most ${MAX_IRI} characters).`);
  }
  return value;
}

/**
 * Turns one posted Web Annotation into a create request on this article, or refuses it with a
 * message saying what does not fit (that is what the container's `constrainedBy` announces):
 * - one Annotation (not a list or a collection), valid for the W3C model as Glossa reads it;
 * - a target on this article (its page, or a paragraph `#p-N` of it);
 * - selectors that match the article's current text exactly: the TextQuoteSelector's words (and
 *   context, when given) in the paragraph named, and the TextPositionSelector, when given, on
 *   those very words;
 * - bodies a kind of Glossa understands (through the kind registry): a colour styleClass, an
 *   entity type and entity, a speaker, and at most one TextualBody comment where a kind has notes.
 */
export async function w3cCreateInput(raw: unknown, container: LoadedContainer): Promise<W3CCreate> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new AppError("INVALID_INPUT", "POST one Web Annotation (a JSON object), not a list.");
  const record = raw as Record<string, unknown>;
  const canonical = iriMember(record, "canonical");
  const via = iriMember(record, "id") ?? iriMember(record, "via");
  const { items, errors } = parseW3CAnnotations(raw);
  if (errors.length > 0) throw new AppError("INVALID_INPUT", `Not a Web Annotation Glossa can store: ${errors[0]!.message}`);
  const item = items[0];
  if (!item) throw new AppError("INVALID_INPUT", "The body holds no annotation.");
  if (item.type !== "annotation") {
    throw refused("This container holds annotations on words of the article: target them with a TextQuoteSelector (a reply or a comment on a whole paragraph is not one).");
  }
  assertOnArticle(item, container);
  const placed = placeOnText(item, container);
  const fields = await kindInputs(item, container.article.id);
  const definition = kindOf(item.kind);
  if (item.notes.length > (definition.notes ? 1 : 0)) {
    throw refused(definition.notes ? "An annotation may carry one TextualBody comment." : `A ${definition.label.toLowerCase()} takes no TextualBody comment.`);
  }
  const parsed = createAnnotationSchema.safeParse({ kind: item.kind, ...placed, ...fields, ...(item.notes[0] ? { note: item.notes[0].body } : {}) });
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues.map((issue) => `${issue.path.join(".") || "annotation"}: ${issue.message}`).join("; "));
  return { data: parsed.data, canonical, via };
}

function assertOnArticle(item: ParsedAnnotation, { article, iris }: LoadedContainer): void {
  const page = iris.w3c.article(article.slug);
  const source = item.source.split("#")[0]!;
  if (source !== page && source !== iris.container) {
    throw refused(`The target's source ${item.source.slice(0, 200)} is not this article: target ${page} (or a paragraph of it, ${page}#p-1), or post to the container of the article you mean.`);
  }
}

function placeOnText(item: ParsedAnnotation, { article }: LoadedContainer) {
  const placement = placeAnnotation(article.paragraphs, { paragraph: item.paragraph, quote: item.quote, position: item.position });
  if (!placement.placed) throw refused(`The selectors do not match the article's text: ${placement.reason}`);
  if (placement.moved) throw refused(`The words are not in paragraph #p-${item.paragraph} of this article's current text.`);
  if (placement.approximate) throw refused("The TextQuoteSelector's words are not in the article's current text exactly (they differ from the nearest match).");
  if (item.position && (item.position.start !== placement.start || item.position.end !== placement.end)) {
    throw refused(`The TextPositionSelector (${item.position.start}–${item.position.end}) does not point at the quoted words (they are at ${placement.start}–${placement.end}).`);
  }
  return { paragraphId: placement.paragraph.id, start: placement.start, end: placement.end, exact: placement.exact, prefix: placement.prefix, suffix: placement.suffix };
}

/** The kind's own inputs from the parsed bodies and styleClass: referenced IRIs become ids. */
async function kindInputs(item: ParsedAnnotation, articleId: string): Promise<Record<string, string>> {
  const inputs: Record<string, string> = {};
  const kind: AnnotationKind = item.kind;
  for (const [name, spec] of Object.entries(kindOf(kind).fields)) {
    const value = item.fields[name];
    if (value === undefined) continue;
    if (!("ref" in spec)) {
      inputs[spec.column] = value;
      continue;
    }
    inputs[spec.column] = spec.ref === "entityTypes" ? await entityTypeIdOf(value, articleId) : lastSegment(value, "/entities/");
  }
  return inputs;
}

/** The id at the end of a Glossa IRI (`…/entities/<id>`), else 422: other sites' resources are not Glossa's entities. */
function lastSegment(iri: string, marker: string): string {
  const at = iri.lastIndexOf(marker);
  const rest = at < 0 ? "" : iri.slice(at + marker.length);
  if (!rest || /[/?#]/.test(rest)) throw refused(`${iri.slice(0, 200)} is not a Glossa ${marker.replaceAll("/", "").replace(/ies$/, "y")} IRI (…${marker}<id>).`);
  return decodeURIComponent(rest);
}

/**
 * A type IRI names a key, the same type in every project's label set: the type of one of the
 * article's projects with it (the write then takes its layer's own, inLayerLabelSet), so that a PUT
 * repeating a tag's type is no change.
 */
async function entityTypeIdOf(iri: string, articleId: string): Promise<string> {
  const key = lastSegment(iri, "/entity-types/");
  const type =
    (await db().entityType.findFirst({ where: { key, project: { articles: { some: { articleId } } } }, orderBy: { id: "asc" }, select: { id: true } })) ??
    (await db().entityType.findFirst({ where: { key }, orderBy: { id: "asc" }, select: { id: true } }));
  if (!type) throw refused(`There is no entity type ${key.slice(0, 50)}.`);
  return type.id;
}
