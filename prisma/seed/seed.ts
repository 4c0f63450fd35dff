import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePlainText } from "@/lib/importing";
import { importArticle } from "@/lib/server/articles/import-article";
import { ensureDefaultEntityTypes } from "@/lib/server/entities/ensure-default-entity-types";
import { backfillParagraphVectors } from "@/lib/server/search/paragraph-vectors";
import { ensureAdmin } from "@/lib/server/users/ensure-admin";
import { sessionDatabaseUrl } from "@/lib/server/direct-pool";
import { withSetupLock } from "@/scripts/db/migrate";

const ARTICLES_DIR = path.resolve(import.meta.dirname, "articles");

/**
 * Idempotent seed: default entity types, the first admin, and every `.txt`
 * under prisma/seed/articles imported through the admin import code, then the search index of
 * any paragraph stored without one (backfillParagraphVectors). Under the migrations'
 * advisory lock, so instances starting at once seed one after the other.
 */
export async function seed(log: (message: string) => void = console.log): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the seed needs the database to fill.");
  // A session-level lock: on the direct connection, never through a transaction pooler.
  await withSetupLock(sessionDatabaseUrl(), () => seedUnderLock(log));
}

async function seedUnderLock(log: (message: string) => void): Promise<void> {
  await ensureDefaultEntityTypes();

  const admin = await ensureAdmin({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
  if (admin.status === "created") {
    log(`Created the admin account ${admin.email}${admin.generated ? ` with password ${admin.password}` : ""}`);
    if (admin.generated) log("This password is shown only once: sign in and keep it somewhere safe.");
  }

  const files = (await readdir(ARTICLES_DIR)).filter((name) => name.endsWith(".txt")).sort();
  for (const file of files) {
    const parsed = await parsePlainText(await readFile(path.join(ARTICLES_DIR, file), "utf8"));
    const result = await importArticle({ parsed });
    if (result.status === "created") log(`Seeded the article “${parsed.title}” (/articles/${result.slug})`);
  }
  // Paragraphs stored before search existed: indexed once, at the next start.
  const indexed = await backfillParagraphVectors();
  if (indexed) log(`Indexed ${indexed} paragraph(s) for search.`);
}
