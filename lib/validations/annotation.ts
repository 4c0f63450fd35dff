import { z } from "zod";
import { ANNOTATION_KIND_KEYS, kindOf, type AnnotationKind, type InputSchemas, type KindData, type KindUpdateShape } from "@/lib/annotations/kinds";
import { MAX_INT4, storableString } from "@/lib/validations/storable";

const id = storableString().trim().min(1, "is required").max(64, "is not a valid id");
export const visibilitySchema = z.enum(["SHARED", "PRIVATE"]);

/** A W3C TextPositionSelector + TextQuoteSelector on one paragraph; the server re-checks it against the text. */
export const selectorSchema = z.object({
  paragraphId: id,
  start: z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_INT4, "is too large"),
  end: z.number().int("must be a whole number").min(1, "must be after the start").max(MAX_INT4, "is too large"),
  exact: storableString().min(1, "must not be empty").max(20_000, "is too long"),
  prefix: storableString().max(64).default(""),
  suffix: storableString().max(64).default(""),
});

const noteBody = storableString().trim().min(1, "must not be empty").max(20_000, "is too long (20,000 characters at most)");

const name = storableString().trim().min(1, "must not be empty").max(200, "is too long (200 characters at most)");

const inputSchemas: InputSchemas = { id, name, z };

/** One create schema per registered kind: the selector, visibility, a note where notes attach, and the kind's own fields. */
const createSchemaFor = (kind: AnnotationKind) => {
  const definition = kindOf(kind);
  return selectorSchema
    .extend({ kind: z.literal(kind), visibility: visibilitySchema.default("SHARED"), ...(definition.notes ? { note: noteBody.optional() } : {}), ...definition.create(inputSchemas) })
    .strict();
};
const [firstKind, ...otherKinds] = ANNOTATION_KIND_KEYS.map(createSchemaFor);

/** What a create request holds once parsed. */
export type CreateAnnotationInput = z.output<typeof selectorSchema> & { visibility: z.output<typeof visibilitySchema> } & KindData;

// The union is built from the registry at run time; its static type is the registry's (KindData), which the kind table test checks against.
export const createAnnotationSchema = z.discriminatedUnion("kind", [firstKind!, ...otherKinds], {
  error: `kind must be ${ANNOTATION_KIND_KEYS.join(" or ")}`,
}) as unknown as z.ZodType<CreateAnnotationInput>;

const kindUpdateFields = Object.assign({}, ...ANNOTATION_KIND_KEYS.map((kind) => kindOf(kind).update(inputSchemas))) as KindUpdateShape;

/** A change to an annotation: every kind's changeable fields; the use case refuses those of another kind than the annotation's. */
export const updateAnnotationSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT4, "is too large"),
    ...kindUpdateFields,
    visibility: visibilitySchema.optional(),
  })
  .strict()
  .refine((input) => Object.keys(input).length > 1, "Nothing to change: send a colour, entity type, entity or visibility.");
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const noteBodySchema = noteBody;

export const createNoteSchema = z
  .object({
    paragraphId: id,
    body: noteBody,
    parentId: id.optional(),
    annotationId: id.optional(),
    visibility: visibilitySchema.default("SHARED"),
  })
  .strict();
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = z
  .object({ version: z.number().int().positive().max(MAX_INT4, "is too large"), body: noteBody.optional(), visibility: visibilitySchema.optional() })
  .strict()
  .refine((input) => input.body !== undefined || input.visibility !== undefined, "Nothing to change: send a body or visibility.");
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;
