// Types only: the reader's first scripts load this registry, and zod (~106 KB) stays out of them; whoever
// validates passes zod in (InputSchemas.z).
import type { z } from "zod";
import type { AnnotationBase, EntityRefDTO, EntityTypeDTO } from "@/lib/annotations/types";

/**
 * The annotation kind registry: everything that differs between kinds lives in one entry here
 * (pure data and functions, shared by server and browser). An entry says
 * - which kind columns of the Annotation row it uses and the DTO fields they become (`fields`),
 *   which is all the one mapper (annotation-row.ts), the packer and the W3C mapping need;
 * - the kind-specific fields of the create and update inputs, as zod shapes (lib/validations
 *   builds its discriminated union from them; input fields are named after the columns they set);
 * - its W3C Web Annotation motivation (its bodies follow from the fields' `w3c` purposes);
 * - how it renders (render hints for the mark, the dialog and the side panel).
 *
 * Adding a kind is one entry here, the Prisma enum value (+ migration), its write resolution in
 * lib/server/annotations/kind-writes.ts when a field needs the database (an entity to link), and
 * its UI pieces in components/reader/kinds/. Nothing else branches on kind.
 */

export const HIGHLIGHT_COLORS = ["yellow", "green", "blue", "pink"] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
/** The colour each highlight colour is drawn with outside the text (swatches, the dialog's quote border). */
export const HIGHLIGHT_SWATCH: Record<HighlightColor, string> = { yellow: "#facc15", green: "#4ade80", blue: "#60a5fa", pink: "#f472b6" };

/**
 * The Annotation table's columns that hold kind-specific values. Each kind uses some of them and
 * leaves the others null; a kind that needs a new column adds it here and in the Prisma schema.
 */
export const KIND_COLUMNS = ["color", "entityTypeId", "entityId", "speakerId"] as const;
export type KindColumn = (typeof KIND_COLUMNS)[number];
export type KindColumns = Record<KindColumn, string | null>;

/** What a row's reference columns point at, looked up once per read (see AnnotationRefs). */
export interface RefTypes {
  entityTypes: EntityTypeDTO;
  entities: EntityRefDTO;
}
export type RefTable = keyof RefTypes;
export const REF_TABLES = ["entityTypes", "entities"] as const satisfies readonly RefTable[];

/** W3C Web Annotation motivations (https://www.w3.org/TR/annotation-vocab/#motivation). */
export type W3CMotivation =
  | "assessing" | "bookmarking" | "classifying" | "commenting" | "describing" | "editing" | "highlighting"
  | "identifying" | "linking" | "moderating" | "questioning" | "replying" | "tagging";

/**
 * One DTO field of a kind and the column it is stored in:
 * - `values`: the column holds one of these strings (stored as is, packed as its index; in W3C
 *   the target's `styleClass`);
 * - `ref`: the column holds the id of a row of that table, the DTO carries the looked-up row
 *   (`optional`: may be null); in W3C a SpecificResource body with that `purpose`. `mention`: the
 *   annotation's words name that entity, so the entity page lists it among the entity's mentions
 *   (a quote's speaker, say, is referred to without being mentioned by the quoted words).
 */
export type FieldSpec =
  | { column: KindColumn; values: readonly string[]; w3c: "styleClass" }
  | { column: KindColumn; ref: RefTable; optional?: boolean; mention?: boolean; w3c: { purpose: W3CMotivation } };
export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

type FieldValue<S extends FieldSpec> = S extends { values: readonly (infer V)[] }
  ? V
  : S extends { ref: infer R extends RefTable }
    ? S extends { optional: true }
      ? RefTypes[R] | null
      : RefTypes[R]
    : never;
export type FieldValues<FS extends FieldSpecs> = { -readonly [F in keyof FS]: FieldValue<FS[F]> };

/** An annotation of one kind as its own entry's functions see it. */
export type KindView<K extends string, FS extends FieldSpecs> = AnnotationBase & { kind: K } & FieldValues<FS>;

/** What the reader draws for an annotation: computed per annotation by {@link renderHints}. */
export interface RenderHints {
  /** Its short name, in mark titles and accessible names: "Highlight", "Person: Владимир Путин". */
  name: string;
  /** The details dialog's title. */
  title: string;
  /** The side panel's line about it: "Highlight (green)", "Organisation". */
  panelLabel: string;
  /** The side panel's text for it. */
  summary: string;
  /** Its colour outside the text (the dialog's quote border). */
  accent: string;
  /** data-* attributes on each of its `<mark>`s, which the stylesheet keys its look on. */
  markData: Record<`data-${string}`, string>;
  /** CSS custom properties on its marks. */
  markStyle: Record<`--${string}`, string>;
  /** A label drawn after its last piece, outside the text (CSS generated content), or null. */
  outsideLabel: string | null;
}

/** Shared input rules the kinds' input fields are built from (lib/validations supplies them). */
export interface InputSchemas {
  id: z.ZodString;
  /** A name typed by a user (a new entity's name). */
  name: z.ZodString;
  /** zod itself, for the rules a kind spells out (an enum of its values): the registry does not import it. */
  z: typeof z;
}

export interface KindDefinition<K extends string, FS extends FieldSpecs, C extends z.ZodRawShape, U extends z.ZodRawShape, N extends boolean = boolean> {
  key: K;
  /** Singular and plural, as the side panel's Kind filter and messages say them. */
  label: string;
  plural: string;
  /** Whether notes attach to it (the create input takes a `note`, its dialog shows the threads). */
  notes: N;
  fields: FS;
  /**
   * Kind fields of the create input (besides the selector, kind, visibility and note), and those an
   * update may change (all optional). Named after the columns they set. Built from `schemas` so that
   * what a valid id is stays with the other input rules in lib/validations.
   */
  create: (schemas: InputSchemas) => C;
  update: (schemas: InputSchemas) => U;
  /** Why an update field of another kind is refused for this one, when a generic message is not enough. */
  refusals?: Readonly<Record<string, string>>;
  w3c: { motivation: readonly W3CMotivation[] };
  render: (annotation: KindView<K, FS>) => RenderHints;
}

/** Declares a registry entry, keeping its literal types (the DTO and input types are derived from them). */
function defineKind<K extends string, const FS extends FieldSpecs, C extends z.ZodRawShape, U extends z.ZodRawShape, N extends boolean>(
  definition: KindDefinition<K, FS, C, U, N>,
): KindDefinition<K, FS, C, U, N> {
  return definition;
}

/** The entity types (by key) a quote's speaker may have: who can say something. */
export const SPEAKER_TYPE_KEYS = ["PER", "ORG"] as const;

/** A quote's colour outside the text (the dialog's quote border); its marks use the same teal in globals.css. */
export const QUOTE_ACCENT = "#0f766e";

/** A quote's speaker inputs, on create and update alike: an entity, or a new one's name and type. */
const speakerInputs = ({ id, name }: InputSchemas) => ({ speakerId: id.optional(), speakerName: name.optional(), speakerTypeId: id.optional() });

/** The same refusal for each of a quote's speaker inputs. */
const speakerRefusal = (message: string) => ({ speakerId: message, speakerName: message, speakerTypeId: message });

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export const ANNOTATION_KINDS = {
  HIGHLIGHT: defineKind({
    key: "HIGHLIGHT",
    label: "Highlight",
    plural: "Highlights",
    notes: true,
    fields: { color: { column: "color", values: HIGHLIGHT_COLORS, w3c: "styleClass" } },
    create: ({ z }) => ({ color: z.enum(HIGHLIGHT_COLORS).default("yellow") }),
    update: ({ z }) => ({ color: z.enum(HIGHLIGHT_COLORS).optional() }),
    refusals: {
      entityTypeId: "A highlight has no entity: tag the text as an entity instead.",
      entityId: "A highlight has no entity: tag the text as an entity instead.",
      ...speakerRefusal("A highlight has no speaker: mark the words as a quote instead."),
    },
    w3c: { motivation: ["highlighting"] },
    render: (highlight) => ({
      name: "Highlight",
      title: "Highlight",
      panelLabel: `Highlight (${highlight.color})`,
      summary: highlight.exact,
      accent: HIGHLIGHT_SWATCH[highlight.color],
      markData: { "data-color": highlight.color },
      markStyle: {},
      outsideLabel: null,
    }),
  }),
  ENTITY: defineKind({
    key: "ENTITY",
    label: "Entity",
    plural: "Entities",
    notes: false,
    fields: {
      entityType: { column: "entityTypeId", ref: "entityTypes", w3c: { purpose: "classifying" } },
      entity: { column: "entityId", ref: "entities", optional: true, mention: true, w3c: { purpose: "identifying" } },
    },
    create: ({ id }) => ({ entityTypeId: id, entityId: id.optional() }),
    update: ({ id }) => ({ entityTypeId: id.optional(), entityId: id.optional() }),
    refusals: { color: "Entity tags take their colour from their type.", ...speakerRefusal("An entity tag has no speaker: mark the words as a quote instead.") },
    w3c: { motivation: ["identifying", "classifying"] },
    render: (tag) => {
      const name = `${tag.entityType.label}${tag.entity ? `: ${tag.entity.name}` : ""}`;
      return {
        name,
        title: `Entity · ${tag.entityType.label}`,
        panelLabel: tag.entityType.label,
        summary: tag.entity ? `${tag.exact} → ${tag.entity.name}` : tag.exact,
        accent: tag.entityType.color,
        markData: { "data-entity-type": tag.entityType.key },
        markStyle: { "--entity": tag.entityType.color },
        outsideLabel: tag.entityType.label,
      };
    },
  }),
  /**
   * Words someone said, attributed to a speaker entity (a Person or an Organisation). The speaker
   * has its own column, not entityId: the quoted words do not mention it, so the entity page lists
   * the quote under Quotes and not among its mentions. A speaker is chosen by id, or named
   * (speakerName + speakerTypeId) and linked or created like an entity tag's entity.
   * W3C: there is no "quoting" motivation; a quote is `highlighting` (what a generic viewer
   * shows) plus `linking` (the user links the words to a related resource, the speaker), and the
   * speaker is a SpecificResource body with purpose `linking`.
   */
  QUOTE: defineKind({
    key: "QUOTE",
    label: "Quote",
    plural: "Quotes",
    notes: true,
    // Optional in the DTO: deleting an entity leaves its quotes without a speaker (ON DELETE SET NULL).
    fields: { speaker: { column: "speakerId", ref: "entities", optional: true, w3c: { purpose: "linking" } } },
    // Which one is required (an id, or a name with its type) is checked when the speaker is resolved (kind-writes).
    create: speakerInputs,
    update: speakerInputs,
    refusals: { color: "A quote has no colour.", entityTypeId: "A quote has a speaker, not an entity type.", entityId: "A quote has a speaker, not an entity." },
    w3c: { motivation: ["highlighting", "linking"] },
    render: (quote) => {
      const speaker = quote.speaker?.name ?? "unknown speaker";
      return {
        name: `Quote: ${speaker}`,
        title: "Quote",
        panelLabel: `Quote · ${speaker}`,
        summary: `${speaker}: “${quote.exact}”`,
        accent: QUOTE_ACCENT,
        markData: {},
        // Its look (and the label's colour, light and dark) is the stylesheet's, keyed on data-kind.
        markStyle: {},
        outsideLabel: speaker,
      };
    },
  }),
} as const;

type Kinds = typeof ANNOTATION_KINDS;
export type AnnotationKind = keyof Kinds;
/** The kinds in the registry's order (the order the toolbar and filters list them in). */
export const ANNOTATION_KIND_KEYS = Object.keys(ANNOTATION_KINDS) as AnnotationKind[];

type FieldsOf<K extends AnnotationKind> = Kinds[K]["fields"];
type AnyFieldName = { [K in AnnotationKind]: keyof FieldsOf<K> }[AnnotationKind];

/**
 * An annotation of kind K as the reader, the API and the live feed see it: the common fields,
 * its kind's fields, and every other kind's fields as null (so every kind has the same keys on the wire).
 */
export type AnnotationOf<K extends AnnotationKind> = AnnotationBase & { kind: K } & FieldValues<FieldsOf<K>> & { [F in Exclude<AnyFieldName, keyof FieldsOf<K>>]?: null };
export type AnnotationDTO = { [K in AnnotationKind]: AnnotationOf<K> }[AnnotationKind];

/** The kind-specific part of a parsed create request: `{ kind }` plus that kind's create fields (and `note` where notes attach). */
export type KindData = {
  [K in AnnotationKind]: { kind: K } & z.output<z.ZodObject<ReturnType<Kinds[K]["create"]>>> & (Kinds[K]["notes"] extends true ? { note?: string } : unknown);
}[AnnotationKind];

type UnionToIntersection<U> = (U extends unknown ? (union: U) => void : never) extends (intersection: infer I) => void ? I : never;
/** Every kind's update fields together: an update names no kind, its fields are checked against the annotation's kind. */
export type KindUpdateShape = UnionToIntersection<{ [K in AnnotationKind]: ReturnType<Kinds[K]["update"]> }[AnnotationKind]>;

/** A registry entry with its kind-specific types widened, for code that works on any kind. */
export type AnyKindDefinition = KindDefinition<AnnotationKind, FieldSpecs, z.ZodRawShape, z.ZodRawShape> & {
  render: (annotation: AnnotationDTO) => RenderHints;
};

/**
 * The registry entry of a kind. Entries' functions take their own kind's annotation; TypeScript
 * cannot correlate `ANNOTATION_KINDS[a.kind]` with `a`, so this widens them in one place.
 */
export function kindOf(kind: AnnotationKind): AnyKindDefinition {
  return known(ANNOTATION_KINDS[kind] as unknown as AnyKindDefinition | undefined, kind);
}

/** How the reader draws this annotation (see {@link RenderHints}). */
export function renderHints(annotation: AnnotationDTO): RenderHints {
  return kindOf(annotation.kind).render(annotation);
}

/** Every DTO field name a kind can have (own and others'), each once, in registry order. */
export const KIND_FIELD_NAMES = [...new Set(ANNOTATION_KIND_KEYS.flatMap((kind) => Object.keys(kindOf(kind).fields)))];

/** Every kind column null: what a kind's columns start from. */
export const EMPTY_KIND_COLUMNS: Readonly<KindColumns> = Object.freeze(Object.fromEntries(KIND_COLUMNS.map((column) => [column, null])) as KindColumns);

// Precomputed per kind: the mapper and the packer run once per annotation (10,000 on a long article).
const FIELD_ENTRIES = new Map(ANNOTATION_KIND_KEYS.map((kind) => [kind, Object.entries(kindOf(kind).fields)] as const));
const OTHER_FIELD_NAMES = new Map(ANNOTATION_KIND_KEYS.map((kind) => [kind, KIND_FIELD_NAMES.filter((name) => !Object.hasOwn(kindOf(kind).fields, name))] as const));

/** A kind's fields as [DTO field name, spec] pairs, in the order its entry declares them. */
export function kindFieldEntries(kind: AnnotationKind): readonly (readonly [string, FieldSpec])[] {
  return known(FIELD_ENTRIES.get(kind), kind);
}

/** The DTO field names of every other kind (null on an annotation of this kind). */
export function otherKindFieldNames(kind: AnnotationKind): readonly string[] {
  return known(OTHER_FIELD_NAMES.get(kind), kind);
}

/** The kinds whose annotations mention an entity in a column (see FieldSpec `mention`), by column. */
export function entityMentionKinds(): Map<KindColumn, AnnotationKind[]> {
  const byColumn = new Map<KindColumn, AnnotationKind[]>();
  for (const kind of ANNOTATION_KIND_KEYS) {
    for (const [, spec] of kindFieldEntries(kind)) {
      if ("ref" in spec && spec.ref === "entities" && spec.mention) byColumn.set(spec.column, [...(byColumn.get(spec.column) ?? []), kind]);
    }
  }
  return byColumn;
}

function known<T>(value: T | undefined, kind: string): T {
  if (value === undefined) throw new Error(`Unknown annotation kind ${kind}.`);
  return value;
}

/**
 * Only the keys of the update shapes are read here, so the probe is no schema at all: every
 * property and call of it answers itself, so that a shape built as `id.optional()` or
 * `z.enum(values).optional()` yields its keys without zod being loaded.
 */
const probe: unknown = new Proxy(() => probe, { get: () => probe, apply: () => probe });
const SHAPE_PROBE = { id: probe, name: probe, z: probe } as InputSchemas;
/** Every kind's update input fields (columns and resolution inputs such as speakerName), each once, in registry order. */
const UPDATE_FIELD_NAMES = [...new Set([...KIND_COLUMNS, ...ANNOTATION_KIND_KEYS.flatMap((kind) => Object.keys(kindOf(kind).update(SHAPE_PROBE)))])];

/**
 * The kind fields of an update that this kind does not take (they set other kinds' columns), with
 * the message to refuse them with, or null when all of them fit.
 */
export function refusedUpdateFields(kind: AnnotationKind, input: Record<string, unknown>): { fields: string[]; message: string } | null {
  const definition = kindOf(kind);
  const own = new Set<string>([...Object.values(definition.fields).map((spec) => spec.column), ...Object.keys(definition.update(SHAPE_PROBE))]);
  const fields = UPDATE_FIELD_NAMES.filter((field) => input[field] !== undefined && !own.has(field));
  if (fields.length === 0) return null;
  const message = fields.map((field) => definition.refusals?.[field]).find(Boolean) ?? `${capitalised(definition.label.toLowerCase())} annotations have no ${fields.join(", ")}.`;
  return { fields, message };
}
