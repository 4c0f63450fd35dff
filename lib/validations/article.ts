/*
 * Inputs of article management (admin) and of orphan review (annotators), shared by the forms
 * and the route handlers. Client-safe.
 */
import { z } from "zod";
import { selectorSchema } from "@/lib/validations/annotation";
import { articleMetadataSchema } from "@/lib/validations/import";

/** An admin's edit of an article's metadata; the text itself changes only by re-import. */
export const updateArticleSchema = articleMetadataSchema
  .extend({
    title: z.string({ error: "Title must be text." }).trim().min(1, "Title must not be empty.").max(500, "Title is too long (at most 500 characters)."),
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
