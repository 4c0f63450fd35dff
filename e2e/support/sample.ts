import { readFileSync } from "node:fs";
import path from "node:path";

/** The sample article, read straight from its seed file, as the tests' expected text. */
const raw = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/articles/kremlin-georgia-ru.txt"), "utf8");
const blocks = raw.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);

export const SAMPLE_TITLE = blocks.at(-1)!;
export const SAMPLE_PARAGRAPHS = blocks.slice(0, -1);
/** The seeded sample's own address (other tests may import articles with the same title). */
export const SAMPLE_PATH = "/articles/alyans-patriotov-gruzii-poprosil-pomoshchi-u-putina";
