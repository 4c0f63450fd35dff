import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableMentionWhere, readableNoteWhere, readableProjectWhere } from "@/lib/permissions/where";
import { sharedSetCte, whereSql, type SharedSet } from "./where-sql";

/**
 * One reader's read rules (lib/permissions/where.ts) as the conditions of a search's statements.
 * The projects they may read are computed once per statement, as its CTE "readableProject"
 * (`with`): every rule that reaches a project reads that set rather than repeating the project
 * rule, which PostgreSQL planned anew at each place (four in a walk: the article's, its
 * annotations', its notes' and their highlights').
 */
export interface SearchRules {
  /** The CTE every statement using these conditions declares (`WITH ${with}, …`). */
  with: Prisma.Sql;
  /** Article "a" may be read. */
  article: Prisma.Sql;
  /** Annotation "m" is a readable mention, on an article whose own rule the statement checks once. */
  mention: Prisma.Sql;
  /** Note "n" may be read, on an article whose own rule the statement checks once. */
  note: Prisma.Sql;
  /**
   * `mention` and `note` with the project rule written out, for the filters' EXISTS on one
   * article's annotations and notes. Read from the set, PostgreSQL priced those rows as few (an
   * enum compared as text gets a 0.5% guess) and scanned every annotation once per walked
   * article instead of probing the article's own ("Газпром type:person" 9 -> 84 ms).
   */
  onArticle: { mention: Prisma.Sql; note: Prisma.Sql };
}

export function searchRules(actor: Actor | null): SearchRules {
  const projects: SharedSet = { model: "Project", where: readableProjectWhere(actor), name: "readableProject" };
  const { article: _article, ...mention } = readableMentionWhere(actor);
  return {
    with: sharedSetCte(projects),
    article: whereSql("Article", "a", readableArticleWhere(actor), projects),
    mention: whereSql("Annotation", "m", mention, projects),
    note: whereSql("Note", "n", readableNoteWhere(actor), projects),
    onArticle: { mention: whereSql("Annotation", "m", mention), note: whereSql("Note", "n", readableNoteWhere(actor)) },
  };
}
