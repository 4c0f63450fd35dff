import { z } from "zod";
import { ANNOTATION_KIND_KEYS, kindOf, type AnnotationKind, type W3CMotivation } from "@/lib/annotations/kinds";

/**
 * The parse side of a W3C Web Annotation import: JSON from Glossa's own export or from another
 * Web Annotation client, turned into a validated list of what to place on an article, with an
 * error per item that cannot be used (the others still come through). Placing is the anchoring
 * module's job (lib/anchoring: the quote and its context, the position as a hint).
 *
 * Accepted input: one Annotation, an array of them, an AnnotationPage (`items`) or an
 * AnnotationCollection whose `first` page is embedded.
 *
 * What is read from each annotation:
 * - the paragraph: `#p-N` in the target's source, or a CssSelector `#p-N` / FragmentSelector `p-N`;
 * - the quote: a TextQuoteSelector refining the paragraph selector, else a top-level one (then
 *   the paragraph may be unknown and the whole article is searched);
 * - the position: a TextPositionSelector refining the paragraph selector (UTF-16 code units in
 *   the paragraph); a top-level one counts in a whole page, so it is not used;
 * - the kind: the registered kind whose motivations it has (`commenting` aside, which notes add);
 *   an annotation with only a comment (as most clients make) becomes a highlight with a note;
 * - kind fields through the registry: a reference field from the SpecificResource body with its
 *   purpose (its IRI is returned; resolving it is the importer's job), a `values` field from the
 *   target's styleClass;
 * - notes: its TextualBody bodies. An annotation with motivation `replying` whose target is
 *   another annotation or note, or a comment on a whole paragraph, is a note item.
 */

const motivationSchema = z.enum(["assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging"]);
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

interface Selector {
  type: string;
  value?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  refinedBy?: Selector | Selector[];
}
const selectorSchema: z.ZodType<Selector> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    value: z.string().optional(),
    exact: z.string().optional(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    refinedBy: z.union([selectorSchema, z.array(selectorSchema)]).optional(),
  }),
);

const iriSchema = z.string().min(1);
const agentSchema = z.union([iriSchema.transform((id) => ({ id, name: null as string | null })), z.looseObject({ id: iriSchema.optional(), name: z.union([z.string(), z.array(z.string())]).optional() }).transform((agent) => ({ id: agent.id ?? null, name: [agent.name ?? []].flat()[0] ?? null }))]);
const dateSchema = z.iso.datetime({ offset: true });

const bodySchema = z.union([
  iriSchema.transform((source) => ({ kind: "resource" as const, source, purposes: [] as W3CMotivation[] })),
  z
    .looseObject({
      type: z.union([z.string(), z.array(z.string())]).optional(),
      id: iriSchema.optional(),
      purpose: oneOrMany(motivationSchema).optional(),
      value: z.string().optional(),
      source: z.union([iriSchema, z.looseObject({ id: iriSchema })]).optional(),
      creator: agentSchema.optional(),
      created: dateSchema.optional(),
      modified: dateSchema.optional(),
    })
    .transform((body) =>
      body.value !== undefined
        ? { kind: "text" as const, id: body.id ?? null, value: body.value, purposes: body.purpose ?? [], creator: body.creator ?? null, created: body.created ?? null, modified: body.modified ?? null }
        : { kind: "resource" as const, source: typeof body.source === "string" ? body.source : (body.source?.id ?? body.id ?? ""), purposes: body.purpose ?? [] },
    ),
]);

const targetSchema = z.union([
  iriSchema.transform((source) => ({ source, selectors: [] as Selector[], styleClass: [] as string[] })),
  z.looseObject({ source: z.union([iriSchema, z.looseObject({ id: iriSchema })]), selector: oneOrMany(selectorSchema).optional(), styleClass: oneOrMany(z.string()).optional() }).transform((target) => ({
    source: typeof target.source === "string" ? target.source : target.source.id,
    selectors: target.selector ?? [],
    styleClass: target.styleClass ?? [],
  })),
]);

const annotationSchema = z.looseObject({
  id: iriSchema.optional(),
  type: z.union([z.literal("Annotation"), z.array(z.string()).refine((types) => types.includes("Annotation"), "type must include Annotation")]),
  motivation: oneOrMany(motivationSchema).optional(),
  creator: oneOrMany(agentSchema).optional(),
  created: dateSchema.optional(),
  modified: dateSchema.optional(),
  body: oneOrMany(bodySchema).optional(),
  bodyValue: z.string().optional(),
  target: oneOrMany(targetSchema).refine((targets) => targets.length > 0, "target is empty"),
});

export interface ParsedAgent {
  id: string | null;
  name: string | null;
}

export interface ParsedNote {
  id: string | null;
  body: string;
  creator: ParsedAgent | null;
  created: string | null;
  modified: string | null;
}

interface ParsedCommon {
  /** The item's index in the input's list of annotations. */
  index: number;
  id: string | null;
  /** The target's source IRI: lets the importer refuse an annotation of another article. */
  source: string;
  /** The paragraph's position (`#p-N`), or null when the target does not say. */
  paragraph: number | null;
  creator: ParsedAgent | null;
  created: string | null;
  modified: string | null;
}

export interface ParsedAnnotation extends ParsedCommon {
  type: "annotation";
  kind: AnnotationKind;
  quote: { exact: string; prefix?: string; suffix?: string };
  /** UTF-16 code units within the paragraph, or null when only a quote was given. */
  position: { start: number; end: number } | null;
  /** Kind fields by DTO name: a reference field's IRI, a `values` field's value. */
  fields: Record<string, string>;
  notes: ParsedNote[];
}

export interface ParsedNoteItem extends ParsedCommon {
  type: "note";
  /** The annotation or note it replies to, or null for a note on a paragraph. */
  replyTo: string | null;
  body: string;
}

export type ParsedW3CItem = ParsedAnnotation | ParsedNoteItem;

export interface W3CParseError {
  index: number;
  id: string | null;
  message: string;
}

export interface W3CParseResult {
  items: ParsedW3CItem[];
  errors: W3CParseError[];
}

/** The list of annotations in any accepted container shape, or a message saying why not. */
function annotationList(json: unknown): unknown[] | string {
  if (Array.isArray(json)) return json;
  if (typeof json !== "object" || json === null) return "Expected a JSON object or array of Web Annotations.";
  const record = json as Record<string, unknown>;
  const types = [record.type].flat();
  if (types.includes("Annotation")) return [json];
  if (types.includes("AnnotationPage")) return Array.isArray(record.items) ? record.items : "The AnnotationPage has no items.";
  if (types.includes("AnnotationCollection")) {
    const first = record.first as Record<string, unknown> | undefined;
    if (record.total === 0 && first === undefined) return [];
    if (first && typeof first === "object" && Array.isArray(first.items)) return first.items;
    return "The AnnotationCollection does not embed its first page: import the pages themselves.";
  }
  return "Expected a Web Annotation, an AnnotationPage or an AnnotationCollection (type is missing or unknown).";
}

const PARAGRAPH_FRAGMENT = /#p-(\d+)$/;

function paragraphOf(source: string, selectors: Selector[]): number | null {
  const fromSource = PARAGRAPH_FRAGMENT.exec(source);
  if (fromSource) return Number(fromSource[1]);
  for (const selector of selectors) {
    const value = selector.type === "CssSelector" ? selector.value : selector.type === "FragmentSelector" ? `#${selector.value ?? ""}` : undefined;
    const match = value ? /^#p-(\d+)$/.exec(value) : null;
    if (match) return Number(match[1]);
  }
  return null;
}

const refinements = (selector: Selector) => (selector.refinedBy === undefined ? [] : [selector.refinedBy].flat());

function quoteOf(selector: Selector | undefined) {
  if (!selector || selector.exact === undefined) return null;
  return { exact: selector.exact, ...(selector.prefix !== undefined ? { prefix: selector.prefix } : {}), ...(selector.suffix !== undefined ? { suffix: selector.suffix } : {}) };
}

function issueMessage(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`).join("; ");
}

/** The registered kind whose motivations an annotation has (`commenting` belongs to notes). */
function kindFor(motivations: W3CMotivation[], hasNotes: boolean): AnnotationKind | string {
  const own = new Set<W3CMotivation>(motivations.filter((motivation) => motivation !== "commenting"));
  const kind = ANNOTATION_KIND_KEYS.find((key) => {
    const expected = kindOf(key).w3c.motivation;
    return expected.length === own.size && expected.every((motivation) => own.has(motivation));
  });
  if (kind) return kind;
  if (own.size === 0 && hasNotes) return "HIGHLIGHT";
  return `No Glossa annotation kind has the motivation ${motivations.length > 0 ? motivations.join(", ") : "(none)"}.`;
}

function parseOne(raw: unknown, index: number): ParsedW3CItem | W3CParseError {
  const rawId = typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : null;
  const fail = (message: string): W3CParseError => ({ index, id: rawId, message });
  const parsed = annotationSchema.safeParse(raw);
  if (!parsed.success) return fail(issueMessage(parsed.error));
  const annotation = parsed.data;
  const motivations = annotation.motivation ?? [];
  const bodies = annotation.body ?? [];
  const texts = bodies.filter((body) => body.kind === "text");
  const notes: ParsedNote[] = [
    ...texts.map((body) => ({ id: body.id, body: body.value, creator: body.creator, created: body.created, modified: body.modified })),
    ...(annotation.bodyValue !== undefined ? [{ id: null, body: annotation.bodyValue, creator: null, created: null, modified: null }] : []),
  ];
  const target = annotation.target.find((candidate) => candidate.selectors.length > 0 || PARAGRAPH_FRAGMENT.test(candidate.source)) ?? annotation.target[0]!;
  const common = {
    index,
    id: annotation.id ?? null,
    source: target.source,
    creator: annotation.creator?.[0] ?? null,
    created: annotation.created ?? null,
    modified: annotation.modified ?? null,
  };

  const paragraphSelectors = target.selectors.filter((selector) => selector.type === "CssSelector" || selector.type === "FragmentSelector");
  const inParagraph = paragraphSelectors.flatMap(refinements);
  const quote = quoteOf(inParagraph.find((selector) => selector.type === "TextQuoteSelector")) ?? quoteOf(target.selectors.find((selector) => selector.type === "TextQuoteSelector"));
  const paragraph = paragraphOf(target.source, target.selectors);

  if (motivations.includes("replying") || (!quote && (notes.length > 0))) {
    const note = notes[0];
    if (!note) return fail("A reply or comment has no TextualBody (or bodyValue) to import as a note.");
    const replying = motivations.includes("replying");
    if (!replying && paragraph === null) return fail("A comment without a quote must target a paragraph (#p-N) to be imported as a paragraph note.");
    return { type: "note", ...common, paragraph: replying ? null : paragraph, replyTo: replying ? target.source : null, body: note.body };
  }
  if (!quote) return fail("The target has no TextQuoteSelector, so it cannot be anchored.");
  if (quote.exact.length === 0) return fail("The TextQuoteSelector's exact text is empty.");

  const kind = kindFor(motivations, notes.length > 0);
  if (!isKind(kind)) return fail(kind);
  const position = inParagraph.find((selector) => selector.type === "TextPositionSelector");
  if (position && (position.start === undefined || position.end === undefined || position.start >= position.end)) {
    return fail("The TextPositionSelector needs a start before its end.");
  }

  const fields: Record<string, string> = {};
  for (const [name, spec] of Object.entries(kindOf(kind).fields)) {
    if ("ref" in spec) {
      const body = bodies.find((candidate) => candidate.kind === "resource" && candidate.purposes.includes(spec.w3c.purpose));
      if (body?.kind === "resource" && body.source) fields[name] = body.source;
      else if (!spec.optional) return fail(`A ${kindOf(kind).label.toLowerCase()} needs a SpecificResource body with purpose ${spec.w3c.purpose}.`);
    } else {
      const value = target.styleClass.find((candidate) => spec.values.includes(candidate));
      if (value !== undefined) fields[name] = value;
      else if (target.styleClass.length > 0) return fail(`styleClass ${target.styleClass.join(", ")} is not one of ${spec.values.join(", ")}.`);
    }
  }
  return {
    type: "annotation",
    ...common,
    paragraph,
    kind,
    quote,
    position: position ? { start: position.start!, end: position.end! } : null,
    fields,
    notes,
  };
}

function isKind(value: string): value is AnnotationKind {
  return (ANNOTATION_KIND_KEYS as string[]).includes(value);
}

/**
 * Parses W3C Web Annotations (a JSON value, or its text) into items to place on an article and
 * errors for the items that cannot be used. Never throws on bad input.
 */
export function parseW3CAnnotations(input: unknown): W3CParseResult {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (error) {
      return { items: [], errors: [{ index: -1, id: null, message: `Not JSON: ${(error as Error).message}` }] };
    }
  }
  const list = annotationList(json);
  if (typeof list === "string") return { items: [], errors: [{ index: -1, id: null, message: list }] };
  const result: W3CParseResult = { items: [], errors: [] };
  list.forEach((raw, index) => {
    const item = parseOne(raw, index);
    if ("message" in item) result.errors.push(item);
    else result.items.push(item);
  });
  return result;
}
