import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { hasAnyFilter, parseSearchQuery, type QueryError, type SearchFilters, type SearchTerm } from "@/lib/search/query";
import { isSingleWord, searchTsquery } from "@/lib/search/tsquery";
import { forbidden } from "@/lib/server/errors";
import { paragraphMatchSql } from "./hits-sql";
import { searchRules, type SearchRules } from "./search-rules";

/** A parsed query: what to find, and the conditions on a matching readable article "a". */
export interface PreparedSearch {
  errors: QueryError[];
  /** The words and phrases to find (to mark in snippets). */
  positive: SearchTerm[];
  /** The tsquery every match satisfies, or null when no word was searched for (nothing, or filters alone). */
  required: string | null;
  /** True when `required` is one word (an article's text vector then answers it exactly: isSingleWord). */
  singleWord: boolean;
  /** The read rule, filters and exclusions on article "a"; null when there is nothing to search for. */
  conditions: Prisma.Sql | null;
  /** The reader's rules, which `conditions` and every statement of the search use (their CTE: SearchRules.with). */
  rules: SearchRules;
}

/** The parsed query and the conditions on a matching readable article "a" (null when there is nothing to search for). */
export function prepareSearch(actor: Actor | null, q: string): PreparedSearch {
  if (!canReadLibrary(actor, readPolicy())) throw forbidden("Sign in to search the library.");
  const parsed = parseSearchQuery(q);
  const errors = [...parsed.errors];
  const positive = parsed.terms.filter((term) => !term.exclude);
  const required = searchTsquery(positive);
  const rules = searchRules(actor);
  if (!required && !hasAnyFilter(parsed.filters)) {
    if (q.trim() && !errors.length) errors.push({ message: "Type a word to search for: exclusions alone would match nearly everything." });
    return { errors, positive, required, singleWord: false, conditions: null, rules };
  }
  const conditions = [rules.article, ...filterSql(parsed.filters, rules)];
  const excluded = anyOf(parsed.terms.filter((term) => term.exclude));
  if (excluded) {
    // The paragraphs are read only where the article's text vector holds the excluded words (a phrase's may not be adjacent there).
    conditions.push(Prisma.sql`NOT CASE WHEN "a"."textVector" IS NULL OR "a"."textVector" @@ ${excluded}::tsquery
      THEN EXISTS (${paragraphMatchSql(Prisma.sql`${excluded}::tsquery`)})
      ELSE FALSE END`);
    conditions.push(Prisma.sql`NOT coalesce("a"."titleVector" @@ ${excluded}::tsquery, false)`);
  }
  return { errors, positive, required, singleWord: isSingleWord(positive), conditions: Prisma.join(conditions, " AND "), rules };
}

/** A tsquery matching any of the excluded terms (an article with any of them is left out), or null. */
function anyOf(excluded: SearchTerm[]): string | null {
  const queries = excluded.map((term) => searchTsquery([{ ...term, exclude: false }])).filter((query) => query !== null);
  return queries.length ? queries.map((query) => `(${query})`).join(" | ") : null;
}

/** The conditions on article "a" that the query's filters make; each value of an operator must hold. */
function filterSql(filters: SearchFilters, rules: SearchRules): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const { mention, note } = rules.onArticle;
  const annotationWhere = (condition: Prisma.Sql, join = Prisma.empty) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" AS "m" ${join} WHERE "m"."articleId" = "a"."id" AND ${mention} AND ${condition})`;
  // A name matches as a phrase in any inflected form: entity:Соболеву finds "Ирина Соболева".
  const names = (value: string) => searchTsquery([{ kind: "phrase", text: value, exclude: false }]);

  if (filters.languages.length) conditions.push(Prisma.sql`"a"."language" = ANY(${filters.languages}::text[])`);
  const date = Prisma.sql`coalesce("a"."publishedAt", "a"."createdAt")`;
  if (filters.after) conditions.push(Prisma.sql`${date} >= ${new Date(`${filters.after}T00:00:00Z`)}`);
  if (filters.before) conditions.push(Prisma.sql`${date} < ${new Date(`${filters.before}T00:00:00Z`)}`);
  for (const entity of filters.entities) {
    const query = names(entity);
    conditions.push(query ? annotationWhere(Prisma.sql`"e"."searchVector" @@ ${query}::tsquery`, Prisma.sql`JOIN "Entity" AS "e" ON "e"."id" = "m"."entityId"`) : Prisma.sql`FALSE`);
  }
  for (const speaker of filters.speakers) {
    const query = names(speaker);
    conditions.push(
      query ? annotationWhere(Prisma.sql`"m"."kind" = 'QUOTE' AND "s"."searchVector" @@ ${query}::tsquery`, Prisma.sql`JOIN "Entity" AS "s" ON "s"."id" = "m"."speakerId"`) : Prisma.sql`FALSE`,
    );
  }
  for (const type of filters.types) {
    // The key (PER), the label (Person) or its start (org → Organisation).
    conditions.push(
      annotationWhere(
        Prisma.sql`"m"."kind" = 'ENTITY' AND (lower("t"."key") = ${type} OR lower("t"."label") = ${type} OR (length(${type}) >= 3 AND lower("t"."label") LIKE ${`${type.replace(/[\\%_]/g, "\\$&")}%`}))`,
        Prisma.sql`JOIN "EntityType" AS "t" ON "t"."id" = "m"."entityTypeId"`,
      ),
    );
  }
  for (const user of filters.users) {
    // A user is named by their whole name, some of its words (user:anna), or their email.
    const author = (alias: string) => Prisma.sql`EXISTS (SELECT 1 FROM "user" AS "u" WHERE "u"."id" = ${Prisma.raw(`"${alias}"."authorId"`)}
      AND (lower("u"."email") = lower(${user}) OR string_to_array(lower("u"."name"), ' ') @> string_to_array(lower(${user}), ' ')))`;
    conditions.push(
      Prisma.sql`(${annotationWhere(author("m"))} OR EXISTS (SELECT 1 FROM "Note" AS "n" WHERE "n"."articleId" = "a"."id" AND ${note} AND ${author("n")}))`,
    );
  }
  for (const colour of filters.colours) conditions.push(annotationWhere(Prisma.sql`"m"."kind" = 'HIGHLIGHT' AND "m"."color" = ${colour}`));
  for (const has of filters.has) {
    if (has === "note") conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Note" AS "n" WHERE "n"."articleId" = "a"."id" AND ${note})`);
    else conditions.push(annotationWhere(Prisma.sql`"m"."kind"::text = ${has.toUpperCase()}`));
  }
  return conditions;
}

