/**
 * The database the tests run on (embedded, or GLOSSA_TEST_DATABASE_URL's server in CI) has what
 * Glossa needs of its locale: UTF-8, Cyrillic case folding and character classes, Russian
 * stemming. A database created with LC_CTYPE=C would fail the lower() and [[:alpha:]] checks.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startThrowawayDatabase, type ThrowawayDatabase } from "./throwaway-database";

let database: ThrowawayDatabase;

beforeAll(async () => {
  database = await startThrowawayDatabase("glossa-locale-test");
}, 120_000);

afterAll(async () => {
  await database?.stop();
});

it("is UTF-8 and folds, classifies and stems Cyrillic", async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ encoding: string; lower: string; stems: string; alpha: boolean }>(
      `SELECT current_setting('server_encoding') AS encoding, lower('ПУТИН Ёлка') AS lower,
              to_tsvector('russian', 'Владимира Путина')::text AS stems, 'ж' ~ '[[:alpha:]]' AS alpha`,
    );
    expect(rows[0]).toEqual({ encoding: "UTF8", lower: "путин ёлка", stems: "'владимир':1 'путин':2", alpha: true });
  } finally {
    await client.end();
  }
});
