/**
 * The projects migration (20261201095000_projects) on a database holding the previous schema's
 * data: every user, article, annotation, note and entity type lands in the default Open project
 * "Glossa", users keep their role there (Admin → Manager), and keys and hotkeys become unique per
 * project rather than site-wide.
 */
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR } from "../scripts/db/migrate";
import { query, testServer } from "../scripts/db/test-server";

const PROJECTS_MIGRATION = "20261201095000_projects";
const server = testServer("glossa-projects-migration");
let url: string;

/** The data a Glossa from before projects holds: three roles, an article with work, entity types. */
const BEFORE = `
  INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES
    ('u-admin', 'Ada', 'ada@example.org', 'ADMIN', now()),
    ('u-annotator', 'Boris', 'boris@example.org', 'ANNOTATOR', now()),
    ('u-reader', 'Вера', 'vera@example.org', 'READER', now());
  INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES
    ('a-1', 'putin', 'Путин', 'ru', 'h1', now()), ('a-2', 'other', 'Other', 'en', 'h2', now());
  INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ('p-1', 'a-1', 1, 0, 'Владимир Путин сказал');
  INSERT INTO "EntityType" (id, key, label, color, hotkey, position) VALUES
    ('t-per', 'PER', 'Person', '#2563eb', '1', 1), ('t-org', 'ORG', 'Organisation', '#9333ea', '2', 2),
    ('t-dup', 'DUP', 'Duplicate hotkey', '#000000', '1', 3);
  INSERT INTO "Entity" (id, "typeId", name, "updatedAt") VALUES ('e-1', 't-per', 'Владимир Путин', now());
  INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, "entityTypeId", "entityId", visibility, "updatedAt") VALUES
    ('an-1', 'a-1', 'p-1', 'u-annotator', 'ENTITY', 0, 14, 'Владимир Путин', '', ' сказал', 't-per', 'e-1', 'SHARED', now()),
    ('an-2', 'a-1', 'p-1', 'u-admin', 'HIGHLIGHT', 15, 21, 'сказал', 'Путин ', '', NULL, NULL, 'PRIVATE', now());
  INSERT INTO "Note" (id, "articleId", "paragraphId", "authorId", body, "updatedAt") VALUES ('n-1', 'a-1', 'p-1', 'u-reader', 'Source?', now());
`;

beforeAll(async () => {
  url = await server.emptyDatabase();
  // The migrations before this one, then today's data, then this migration (as an upgrade does).
  const before = await mkdtemp(path.join(server.dataDir, "before-projects-"));
  await cp(MIGRATIONS_DIR, before, { recursive: true });
  for (const name of await readdir(before)) if (name >= PROJECTS_MIGRATION && !name.endsWith(".toml")) await rm(path.join(before, name), { recursive: true });
  await migrate(url, { dir: before });
  await query(url, BEFORE);
  expect(await migrate(url)).toContain(PROJECTS_MIGRATION);
});

describe("projects migration on existing data", () => {
  it("makes one Open default project, Glossa", async () => {
    expect(await query(url, `SELECT id, name, slug, access::text FROM "Project"`)).toEqual([{ id: "glossa", name: "Glossa", slug: "glossa", access: "OPEN" }]);
  });

  it("makes every user a member with their role (Admin → Manager)", async () => {
    expect(await query(url, `SELECT "userId", role::text FROM "ProjectMember" WHERE "projectId" = 'glossa' ORDER BY "userId"`)).toEqual([
      { userId: "u-admin", role: "MANAGER" },
      { userId: "u-annotator", role: "ANNOTATOR" },
      { userId: "u-reader", role: "READER" },
    ]);
  });

  it("puts every article, annotation, note and entity type in it, leaving the rest as it was", async () => {
    expect(await query(url, `SELECT "articleId" FROM "ArticleProject" WHERE "projectId" = 'glossa' ORDER BY "articleId"`)).toEqual([{ articleId: "a-1" }, { articleId: "a-2" }]);
    expect(await query(url, `SELECT id, "projectId", visibility::text, "entityId" FROM "Annotation" ORDER BY id`)).toEqual([
      { id: "an-1", projectId: "glossa", visibility: "SHARED", entityId: "e-1" },
      { id: "an-2", projectId: "glossa", visibility: "PRIVATE", entityId: null },
    ]);
    expect(await query(url, `SELECT id, "projectId", body FROM "Note"`)).toEqual([{ id: "n-1", projectId: "glossa", body: "Source?" }]);
    expect(await query(url, `SELECT key, "projectId", description FROM "EntityType" ORDER BY position`)).toEqual([
      { key: "PER", projectId: "glossa", description: "" },
      { key: "ORG", projectId: "glossa", description: "" },
      { key: "DUP", projectId: "glossa", description: "" },
    ]);
  });

  it("keeps the first of two types sharing a hotkey and clears the other's", async () => {
    expect(await query(url, `SELECT key, hotkey FROM "EntityType" ORDER BY position`)).toEqual([
      { key: "PER", hotkey: "1" },
      { key: "ORG", hotkey: "2" },
      { key: "DUP", hotkey: null },
    ]);
  });

  it("makes keys and hotkeys unique per project, not site-wide", async () => {
    await query(url, `INSERT INTO "Project" (id, name, slug, "updatedAt") VALUES ('desk', 'Desk', 'desk', now())`);
    await query(url, `INSERT INTO "EntityType" (id, "projectId", key, label, color, hotkey, position) VALUES ('t-desk-per', 'desk', 'PER', 'Person', '#2563eb', '1', 1)`);
    await expect(query(url, `INSERT INTO "EntityType" (id, "projectId", key, label, color, position) VALUES ('t-x', 'desk', 'PER', 'Again', '#000000', 2)`)).rejects.toThrow(/EntityType_projectId_key_key/);
    await expect(query(url, `INSERT INTO "EntityType" (id, "projectId", key, label, color, hotkey, position) VALUES ('t-y', 'desk', 'LOC', 'Place', '#000000', '1', 2)`)).rejects.toThrow(/EntityType_projectId_hotkey_key/);
  });

  it("refuses to delete a project that still holds annotations (work is never lost with a project)", async () => {
    await expect(query(url, `DELETE FROM "Project" WHERE id = 'glossa'`)).rejects.toThrow(/foreign key/);
  });
});
