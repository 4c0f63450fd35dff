/**
 * Test support (not a test): a test database (./test-database.ts) with four people — two
 * annotators, a reader and an admin — and the default entity types, for the database tests of who
 * may read what.
 */
import { beforeAll } from "vitest";
import type { Actor } from "@/lib/permissions";
import { testDatabase, type TestDatabase } from "./test-database";

export interface Library extends TestDatabase {
  readonly ann: Actor;
  readonly bob: Actor;
  readonly rita: Actor;
  readonly ada: Actor;
  /** Entity type ids by key (PER, ORG, LOC, EVENT, MISC). */
  readonly types: Record<string, string>;
}

/** testDatabase, plus a `beforeAll` that adds the people and entity types. Call it once, at the top level of the file. */
export function testLibrary(prefix: string): Library {
  const database = testDatabase(prefix);
  let cast: Pick<Library, "ann" | "bob" | "rita" | "ada" | "types"> | undefined;

  beforeAll(async () => {
    const { ensureDefaultEntityTypes } = await import("@/lib/server/entities/ensure-default-entity-types");
    await ensureDefaultEntityTypes();
    const { rows } = await database.client.query<{ id: string; key: string }>(`SELECT id, key FROM "EntityType"`);
    cast = {
      ann: await database.newUser("Ann"),
      bob: await database.newUser("Bob"),
      rita: await database.newUser("Rita", "READER"),
      ada: await database.newUser("Ada", "ADMIN"),
      types: Object.fromEntries(rows.map((row) => [row.key, row.id])),
    };
  });

  const ready = () => {
    if (!cast) throw new Error(`The library "${prefix}" is used before its beforeAll has run.`);
    return cast;
  };

  return {
    get url() {
      return database.url;
    },
    get client() {
      return database.client;
    },
    newUser: database.newUser,
    newArticle: database.newArticle,
    get ann() {
      return ready().ann;
    },
    get bob() {
      return ready().bob;
    },
    get rita() {
      return ready().rita;
    },
    get ada() {
      return ready().ada;
    },
    get types() {
      return ready().types;
    },
  };
}

/** A selector for the first `phrase` in `text`, as the reader sends it. */
export function span(paragraphId: string, text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  const end = start + phrase.length;
  return { paragraphId, start, end, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}
