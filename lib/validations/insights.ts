import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-03-01")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "is not a date");

/**
 * `/insights?q=&from=&to=&article=&scope=`: a search query (the search page's syntax: words,
 * phrases, -exclusions, entity:, lang:…; it restricts every section to the articles it matches),
 * the period (article dates, inclusive, UTC), one article (its slug) or all, and what
 * co-occurring means (the same paragraph or the same article). Empty fields mean "any".
 */
export const insightsQuerySchema = z
  .object({
    // Its length is the search parser's to bound (it keeps the first MAX_QUERY_LENGTH characters and says so).
    q: z.string().trim().optional(),
    from: day.optional(),
    to: day.optional(),
    article: z.string().trim().max(300, "is too long").optional(),
    scope: z.enum(["paragraph", "article"], { error: "scope must be paragraph or article" }).default("paragraph"),
  })
  .transform(({ q, from, to, article, scope }) => ({
    query: q || null,
    from: from ? new Date(`${from}T00:00:00Z`) : null,
    // Inclusive: up to the end of that day.
    to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : null,
    articleSlug: article || null,
    scope,
  }))
  .refine(({ from, to }) => !from || !to || from < to, { message: "The period ends before it starts.", path: ["to"] });
export type InsightsFilter = z.output<typeof insightsQuerySchema>;

/** The query with empty form fields dropped (a GET form sends `from=` when nothing is chosen). */
export function insightsQuery(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && value.trim() !== "" ? [[key, value]] : [])));
}
