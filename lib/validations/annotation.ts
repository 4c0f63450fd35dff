import { z } from "zod";
import { HIGHLIGHT_COLORS } from "@/lib/annotations/types";
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

export const createAnnotationSchema = z.discriminatedUnion("kind", [
  selectorSchema.extend({
    kind: z.literal("HIGHLIGHT"),
    color: z.enum(HIGHLIGHT_COLORS).default("yellow"),
    note: noteBody.optional(),
    visibility: visibilitySchema.default("SHARED"),
  }).strict(),
  selectorSchema.extend({
    kind: z.literal("ENTITY"),
    entityTypeId: id,
    entityId: id.optional(),
    visibility: visibilitySchema.default("SHARED"),
  }).strict(),
], { error: "kind must be HIGHLIGHT or ENTITY" });
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z
  .object({
    version: z.number().int().positive().max(MAX_INT4, "is too large"),
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    entityTypeId: id.optional(),
    entityId: id.optional(),
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
