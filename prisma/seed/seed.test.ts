/**
 * Two instances starting at once seed the same empty database: under the migrations' advisory
 * lock they take turns, so there is one admin and one sample article, and neither start fails.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { migrate } from "@/scripts/db/migrate";
import { startThrowawayDatabase, type ThrowawayDatabase } from "@/scripts/db/throwaway-database";

vi.mock("server-only", () => ({}));

let database: ThrowawayDatabase;

beforeAll(async () => {
  database = await startThrowawayDatabase("glossa-seed-test");
  await migrate(database.url, { log: () => {} });
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= "seed-test-secret-of-at-least-32-characters";
  process.env.BETTER_AUTH_URL ??= "http://localhost:3000";
}, 120_000);

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await database?.stop();
});

it("seeds once when two starts seed at the same moment", async () => {
  const { seed } = await import("./seed");
  const logged: string[] = [];
  await Promise.all([seed((line) => logged.push(line)), seed((line) => logged.push(line))]);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ admins: number; articles: number; types: number }>(
      `SELECT (SELECT count(*)::int FROM "user" WHERE role = 'ADMIN') AS admins,
              (SELECT count(*)::int FROM "Article") AS articles,
              (SELECT count(*)::int FROM "EntityType") AS types`,
    );
    expect(rows[0]).toEqual({ admins: 1, articles: 1, types: 5 });
  } finally {
    await client.end();
  }
  expect(logged.filter((line) => line.startsWith("Created the admin account"))).toHaveLength(1);
});
