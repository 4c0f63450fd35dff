/*
 * Inputs of article management (admin) and of orphan review (annotators), shared by the forms
 * and the route handlers. Client-safe.
 */
import { z } from "zod";
import { selectorSchema } from "@/lib/validations/annotation";
import { articleMetadataSchema } from "@/lib/validations/import";
import { MAX_INT4, storableString } from "@/lib/validations/storable";
import { MAX_TEXT_RANGE } from "@/lib/reading/text-stretches";

/** An admin's edit of an article's metadata; the text itself changes only by re-import. */
export const updateArticleSchema = articleMetadataSchema
  .extend({
    title: storableString({ error: "Title must be text." }).trim().min(1, "Title must not be empty.").max(500, "Title is too long (at most 500 characters)."),
    language: z
      .string({ error: "Language must be text." })
      .trim()
      .min(1, "Language must not be empty: use und if it is unknown.")
      .max(35)
      .refine((value) => {
        try {
          return Intl.getCanonicalLocales(value.replace(/_/g, "-")).length === 1;
        } catch {
          return false;
        }
      }, "Language must be a BCP-47 tag such as ru, en or pt-BR."),
  })
  .strict();
export type UpdateArticleInput = z.input<typeof updateArticleSchema>;

export const ARTICLE_STATUSES = ["active", "archived", "all"] as const;
export type ArticleStatusFilter = (typeof ARTICLE_STATUSES)[number];

/** The admin article list's query string. */
export const articleListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

/** Re-attaching an orphaned annotation to text the reviewer selected in the current revision. */
export const reattachAnnotationSchema = selectorSchema.strict();
export type ReattachAnnotationInput = z.input<typeof reattachAnnotationSchema>;

/** Most paragraphs the reader asks for at once (each comes with its annotations and notes): the reader's own number (lib/reading). */
export { MAX_TEXT_RANGE };

/** A range of an article's paragraphs for the reader: those after `after` (a position) in `revision`. */
export const articleTextQuerySchema = z.object({
  revision: z.coerce.number({ error: "revision must be a number." }).int("revision must be a whole number.").min(1, "revision must be at least 1.").max(MAX_INT4, "revision is too large."),
  after: z.coerce.number({ error: "after must be a number." }).int("after must be a whole number.").min(0, "after must not be negative.").max(MAX_INT4, "after is too large."),
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(MAX_TEXT_RANGE, `limit must be at most ${MAX_TEXT_RANGE}.`)
    .default(MAX_TEXT_RANGE),
});
export type ArticleTextQuery = z.input<typeof articleTextQuerySchema>;
