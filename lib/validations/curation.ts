import { z } from "zod";
import { ANNOTATION_KIND_KEYS, type AnnotationKind } from "@/lib/annotations/kinds";
import { MAX_INT4, storableString } from "@/lib/validations/storable";

/** The most annotations one adoption copies: a stretch where annotators disagree holds a few. */
export const MAX_ADOPTED = 50;

const id = storableString().trim().min(1, "is required").max(64, "is not a valid id");
const offset = z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_INT4, "is too large");

/**
 * `POST /api/articles/<id>/curated`: make the curated layer of one stretch of a paragraph (a
 * disagreement's extent) hold exactly these annotations' versions, for one kind; none clears it
 * ("nothing belongs here"). Shared by the Disagreements view and the route.
 */
export const adoptVersionSchema = z
  .object({
    paragraphId: id,
    kind: z.enum(ANNOTATION_KIND_KEYS as [AnnotationKind, ...AnnotationKind[]], { error: `kind must be ${ANNOTATION_KIND_KEYS.join(" or ")}` }),
    start: offset,
    end: offset,
    annotationIds: z.array(id).max(MAX_ADOPTED, `at most ${MAX_ADOPTED} annotations at once`),
  })
  .strict()
  .refine((input) => input.end > input.start, { message: "end must be after start", path: ["end"] })
  .refine((input) => new Set(input.annotationIds).size === input.annotationIds.length, { message: "an annotation is named twice", path: ["annotationIds"] });
export type AdoptVersionInput = z.output<typeof adoptVersionSchema>;
