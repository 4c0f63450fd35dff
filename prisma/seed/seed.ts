import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parsePlainText } from "@/lib/importing";
import { importArticle } from "@/lib/server/articles/import-article";

const ARTICLES_DIR = path.resolve(import.meta.dirname, "articles");

/** Imports every `.txt` under prisma/seed/articles through the same code as the admin import page. */
export async function seed(log: (message: string) => void = console.log): Promise<void> {
  const files = (await readdir(ARTICLES_DIR)).filter((name) => name.endsWith(".txt")).sort();
  for (const file of files) {
    const parsed = parsePlainText(await readFile(path.join(ARTICLES_DIR, file), "utf8"));
    const result = await importArticle({ parsed });
    log(`${result.status === "created" ? "Seeded" : "Already present"}: ${parsed.title} (/articles/${result.slug})`);
  }
}
