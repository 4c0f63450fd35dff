import "server-only";
import { isDeepStrictEqual } from "node:util";
import { Prisma } from "@/lib/generated/prisma/client";

/*
 * The read rules live once, in lib/permissions/where.ts, as Prisma `where` objects. Search has to
 * apply them inside its own SQL (tsvector matching is beyond Prisma's query builder), so this
 * turns such an object into the equivalent SQL condition rather than typing the rules again.
 * It understands exactly the shapes those rules use (equality, null, `not`, `in`, AND/OR/NOT,
 * to-one relations directly or with `is`/`isNot`, to-many with `some`/`none`/`every`) and throws
 * on anything else, so a rule written in a new shape fails the tests instead of being dropped.
 * where-sql.test.ts checks that each rule selects the same rows both ways.
 */

export type SearchModel = "Article" | "Annotation" | "Note" | "Entity" | "Paragraph" | "User" | "Project" | "ProjectMember" | "ArticleProject";

interface Relation {
  model: SearchModel;
  /** This model's column and the related model's column that join them. */
  local: string;
  foreign: string;
  many: boolean;
}

const TABLE: Record<SearchModel, string> = {
  Article: "Article",
  Annotation: "Annotation",
  Note: "Note",
  Entity: "Entity",
  Paragraph: "Paragraph",
  User: "user",
  Project: "Project",
  ProjectMember: "ProjectMember",
  ArticleProject: "ArticleProject",
};

const RELATIONS: Record<SearchModel, Record<string, Relation>> = {
  Article: {
    annotations: { model: "Annotation", local: "id", foreign: "articleId", many: true },
    notes: { model: "Note", local: "id", foreign: "articleId", many: true },
    projects: { model: "ArticleProject", local: "id", foreign: "articleId", many: true },
  },
  Annotation: {
    project: { model: "Project", local: "projectId", foreign: "id", many: false },
    article: { model: "Article", local: "articleId", foreign: "id", many: false },
    paragraph: { model: "Paragraph", local: "paragraphId", foreign: "id", many: false },
    author: { model: "User", local: "authorId", foreign: "id", many: false },
    entity: { model: "Entity", local: "entityId", foreign: "id", many: false },
    speaker: { model: "Entity", local: "speakerId", foreign: "id", many: false },
    notes: { model: "Note", local: "id", foreign: "annotationId", many: true },
  },
  Note: {
    project: { model: "Project", local: "projectId", foreign: "id", many: false },
    article: { model: "Article", local: "articleId", foreign: "id", many: false },
    paragraph: { model: "Paragraph", local: "paragraphId", foreign: "id", many: false },
    author: { model: "User", local: "authorId", foreign: "id", many: false },
    annotation: { model: "Annotation", local: "annotationId", foreign: "id", many: false },
  },
  Entity: {
    annotations: { model: "Annotation", local: "id", foreign: "entityId", many: true },
    quotes: { model: "Annotation", local: "id", foreign: "speakerId", many: true },
  },
  Paragraph: { article: { model: "Article", local: "articleId", foreign: "id", many: false } },
  User: {},
  Project: {
    members: { model: "ProjectMember", local: "id", foreign: "projectId", many: true },
    articles: { model: "ArticleProject", local: "id", foreign: "projectId", many: true },
  },
  ProjectMember: {
    project: { model: "Project", local: "projectId", foreign: "id", many: false },
    user: { model: "User", local: "userId", foreign: "id", many: false },
  },
  ArticleProject: {
    article: { model: "Article", local: "articleId", foreign: "id", many: false },
    project: { model: "Project", local: "projectId", foreign: "id", many: false },
  },
};

const SCALAR = /^[A-Za-z][A-Za-z0-9]*$/;
let aliasCount = 0;

/** The SQL identifier `"alias"."column"`, from names this module controls or has checked. */
const column = (alias: string, name: string) => Prisma.raw(`"${alias}"."${name}"`);

/**
 * Rows of `model` (those `where` selects) that a statement computes once, as its CTE `name` with
 * one column "id" (sharedSetCte): whereSql reads a relation filter equal to `where` from it
 * rather than writing it out as a correlated subquery at every place a rule reaches that model,
 * each of which PostgreSQL plans anew (a search's read rules reach the project rule four times).
 */
export interface SharedSet {
  model: SearchModel;
  where: object;
  name: string;
}

/** The CTE `"<name>" AS (SELECT "id" …)` of a SharedSet, for the WITH of each statement whose conditions read it. */
export function sharedSetCte(set: SharedSet): Prisma.Sql {
  if (!SCALAR.test(set.name)) throw new Error(`whereSql: bad set name ${set.name}`);
  const inner = `s${++aliasCount}`;
  return Prisma.sql`${Prisma.raw(`"${set.name}"`)} AS (SELECT ${column(inner, "id")} FROM ${Prisma.raw(`"${TABLE[set.model]}"`)} AS ${Prisma.raw(`"${inner}"`)} WHERE ${whereSql(set.model, inner, set.where)})`;
}

/**
 * The SQL condition (for a WHERE clause) that a Prisma `where` object on `model` expresses, for
 * the row of that model aliased `alias` in the caller's query. Values are bound parameters. With
 * `shared`, a to-one relation filtered exactly as the set is read from the statement's CTE.
 */
export function whereSql(model: SearchModel, alias: string, where: object, shared?: SharedSet): Prisma.Sql {
  if (!SCALAR.test(alias)) throw new Error(`whereSql: bad alias ${alias}`);
  const parts: Prisma.Sql[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === "AND" || key === "OR") {
      const list = (Array.isArray(value) ? value : [value]) as object[];
      const inner = list.map((item) => whereSql(model, alias, item, shared));
      if (key === "AND") parts.push(inner.length ? Prisma.sql`(${Prisma.join(inner, " AND ")})` : Prisma.sql`TRUE`);
      else parts.push(inner.length ? Prisma.sql`(${Prisma.join(inner, " OR ")})` : Prisma.sql`FALSE`);
      continue;
    }
    if (key === "NOT") {
      const list = (Array.isArray(value) ? value : [value]) as object[];
      for (const item of list) parts.push(Prisma.sql`NOT (${whereSql(model, alias, item, shared)})`);
      continue;
    }
    const relation = RELATIONS[model][key];
    if (relation) {
      parts.push(relationSql(alias, relation, value as Record<string, unknown> | null, shared));
      continue;
    }
    if (!SCALAR.test(key)) throw new Error(`whereSql: unsupported field ${model}.${key}`);
    parts.push(scalarSql(column(alias, key), value, `${model}.${key}`));
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

function relationSql(alias: string, relation: Relation, filter: Record<string, unknown> | null, shared: SharedSet | undefined): Prisma.Sql {
  const inner = `r${++aliasCount}`;
  const from = Prisma.sql`FROM ${Prisma.raw(`"${TABLE[relation.model]}"`)} AS ${Prisma.raw(`"${inner}"`)} WHERE ${column(inner, relation.foreign)} = ${column(alias, relation.local)}`;
  const exists = (where: object) => {
    // Never NULL, as EXISTS: a row without the relation is outside the set even under a NOT.
    if (shared && !relation.many && relation.model === shared.model && relation.foreign === "id" && isDeepStrictEqual(where, shared.where)) {
      return Prisma.sql`coalesce(${column(alias, relation.local)} IN (SELECT "id" FROM ${Prisma.raw(`"${shared.name}"`)}), false)`;
    }
    return Prisma.sql`EXISTS (SELECT 1 ${from} AND ${whereSql(relation.model, inner, where, shared)})`;
  };
  if (relation.many) {
    const keys = Object.keys(filter ?? {});
    if (!filter || keys.length !== 1) throw new Error(`whereSql: a to-many relation needs exactly one of some/none/every`);
    if ("some" in filter) return exists(filter.some as object);
    if ("none" in filter) return Prisma.sql`NOT ${exists(filter.none as object)}`;
    if ("every" in filter) return Prisma.sql`NOT ${exists({ NOT: filter.every as object })}`;
    throw new Error(`whereSql: unsupported to-many filter ${keys[0]}`);
  }
  if (filter === null) return Prisma.sql`NOT EXISTS (SELECT 1 ${from})`;
  if ("is" in filter || "isNot" in filter) {
    if (Object.keys(filter).length !== 1) throw new Error(`whereSql: is/isNot stand alone`);
    if ("is" in filter) return filter.is === null ? Prisma.sql`NOT EXISTS (SELECT 1 ${from})` : exists(filter.is as object);
    return filter.isNot === null ? Prisma.sql`EXISTS (SELECT 1 ${from})` : Prisma.sql`NOT ${exists(filter.isNot as object)}`;
  }
  return exists(filter);
}

function scalarSql(target: Prisma.Sql, value: unknown, name: string): Prisma.Sql {
  if (value === null) return Prisma.sql`${target} IS NULL`;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) {
    // Compared as text, so enum columns take a plain string parameter.
    return typeof value === "string" ? Prisma.sql`${target}::text = ${value}` : Prisma.sql`${target} = ${value}`;
  }
  if (typeof value === "object") {
    const operators = value as Record<string, unknown>;
    const parts: Prisma.Sql[] = [];
    for (const [operator, operand] of Object.entries(operators)) {
      if (operator === "equals") parts.push(scalarSql(target, operand, name));
      else if (operator === "not") {
        if (operand === null) parts.push(Prisma.sql`${target} IS NOT NULL`);
        // Prisma's `not` leaves NULLs out, as SQL's <> does.
        else if (typeof operand === "string") parts.push(Prisma.sql`${target}::text <> ${operand}`);
        else if (typeof operand === "object") parts.push(Prisma.sql`NOT (${scalarSql(target, operand, name)})`);
        else parts.push(Prisma.sql`${target} <> ${operand}`);
      } else if (operator === "in" && Array.isArray(operand)) {
        parts.push(operand.length ? Prisma.sql`${target}::text = ANY(${operand.map(String)}::text[])` : Prisma.sql`FALSE`);
      } else throw new Error(`whereSql: unsupported operator ${operator} on ${name}`);
    }
    return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
  }
  throw new Error(`whereSql: unsupported value for ${name}`);
}
