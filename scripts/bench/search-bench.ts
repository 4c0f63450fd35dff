/**
 * Search benchmark (issue 12, "Speed and quality"): generates N articles (default 100,000, about
 * 4.5 paragraphs each: ~450,000 paragraphs, two thirds Russian, one third English, words drawn
 * with a Zipf law from real wire copy so common words are common and rare ones rare), plus
 * highlights, notes and entity tags on some of them, and loads them with COPY into a throwaway
 * embedded PostgreSQL, each row with its search vector computed by the app's own lemmatiser
 * (lib/morphology, as the import writes them). The GIN indexes are dropped for the load and
 * rebuilt after it, as one would for a bulk load. Then it times searchArticles, the search
 * page's whole use case (matching, read rules, count, page of 20, snippets), as a Reader:
 * single words across the frequency range, two-word phrases taken from the generated text, and
 * filtered queries. Prints p50/p95 per class and the command.
 *
 *   npm run bench search            (BENCH_SEARCH_ARTICLES=10000 for a quick run)
 *
 * BENCH_SEARCH_ALL=1 lists every query's median, not only the six slowest.
 *
 * BENCH_SEARCH_KEEP=<folder> keeps the loaded cluster there, and a later run with the same folder
 * and size skips the load (~450 s): for measuring a change to the search several times. New
 * migrations are applied to the kept cluster on start, as on any database.
 *
 * Never touches the developer's database: DATABASE_URL is ignored.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { indexTerms, tokenize, toTsvectorInput, type IndexTerm } from "../../lib/morphology";
import { DEV as QUOTE_DEV } from "../../lib/quotes/cases/dev";
import { HELD_OUT as QUOTE_HELD_OUT } from "../../lib/quotes/cases/held-out";
import { prepareDatabase } from "../runtime";
import { benchCommand, percentile } from "./support";

const ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 5);
const KEEP = process.env.BENCH_SEARCH_KEEP;

// A small deterministic generator (mulberry32) so every run loads the same corpus.
let seed = 12;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

/** The word forms of real wire copy in one language, most frequent first, and a Zipf sampler over them. */
function vocabulary(language: "ru" | "en") {
  const counts = new Map<string, number>();
  for (const article of [...QUOTE_DEV, ...QUOTE_HELD_OUT].filter((item) => item.language === language)) {
    for (const paragraph of article.paragraphs) for (const token of tokenize(paragraph)) counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  // Cumulative Zipf weights (s = 1): the k-th word is drawn with probability ∝ 1/k.
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= words.length; k++) cumulative.push((sum += 1 / k));
  const draw = () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
  return { words, draw };
}

const VOCABULARY = { ru: vocabulary("ru"), en: vocabulary("en") };
const FIRST = ["Ирина", "Мария", "Дмитрий", "Сергей", "Анна", "Олег", "Нино", "Гия"];
const LAST = ["Соболева", "Кобахидзе", "Песков", "Лавров", "Медведев", "Инашвили", "Абашидзе", "Орлова"];
const COLOURS = ["yellow", "green", "blue", "pink", "purple"];

function sentenceWords(language: "ru" | "en"): string[] {
  return Array.from({ length: 7 + Math.floor(random() * 10) }, () => VOCABULARY[language].draw());
}
const asSentence = (words: string[]) => {
  const text = words.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};
const sentence = (language: "ru" | "en") => asSentence(sentenceWords(language));

/**
 * Each vocabulary word's index terms, computed once: a paragraph's vector is then put together
 * from its words' (what indexTerms computes word by word, checked on the first paragraphs), which
 * keeps generating 450,000 paragraphs to seconds rather than minutes.
 */
const wordTerms = new Map<string, { terms: IndexTerm[]; width: number }>();
function paragraphVector(words: string[], language: "ru" | "en"): string {
  const merged = new Map<string, number[]>();
  let offset = 0;
  for (const word of words) {
    const key = `${language}:${word}`;
    let known = wordTerms.get(key);
    if (!known) {
      const terms = indexTerms(word, language);
      wordTerms.set(key, (known = { terms, width: Math.max(0, ...terms.flatMap((term) => term.positions)) }));
    }
    for (const term of known.terms) {
      const positions = merged.get(term.lexeme) ?? [];
      for (const position of term.positions) if (positions[positions.length - 1] !== offset + position) positions.push(offset + position);
      merged.set(term.lexeme, positions);
    }
    offset += known.width;
  }
  return toTsvectorInput([...merged].map(([lexeme, positions]) => ({ lexeme, positions })));
}
let checked = 0;

/** COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
const field = (value: string | number | null) => (value === null ? "\\N" : String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r"));
const line = (values: (string | number | null)[]) => `${values.map(field).join("\t")}\n`;
const vector = (text: string, language?: string) => toTsvectorInput(indexTerms(text, language));

interface Corpus {
  articles: string[];
  paragraphs: string[];
  annotations: string[];
  notes: string[];
  /** Two adjacent words from the generated text, for phrase queries. */
  phrases: string[];
}

/** One batch of generated rows, as COPY lines. */
function generate(from: number, to: number, ids: { reader: string; annotator: string; entities: { id: string; typeId: string }[] }): Corpus {
  const corpus: Corpus = { articles: [], paragraphs: [], annotations: [], notes: [], phrases: [] };
  for (let n = from; n < to; n++) {
    const language = n % 3 === 2 ? "en" : "ru";
    const articleId = `bench-${n}`;
    const title = sentence(language).slice(0, -1);
    const published = new Date(Date.UTC(2020 + (n % 7), n % 12, 1 + (n % 28)));
    // Imported one a minute (createdAt is the import's time, the library's order); published on one of 84 dates.
    const imported = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
    corpus.articles.push(line([articleId, `bench-${n}`, title, language, "bench", published.toISOString(), imported, imported, 1, vector(title, language)]));
    const count = 3 + Math.floor(random() * 4); // 3–6, 4.5 on average
    for (let position = 1; position <= count; position++) {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 2) }, () => sentenceWords(language));
      const text = sentences.map(asSentence).join(" ");
      const paragraphVectorInput = paragraphVector(sentences.flat(), language);
      if (checked++ < 500 && paragraphVectorInput !== vector(text, language)) throw new Error(`The assembled vector differs from indexTerms for: ${text}`);
      const paragraphId = `${articleId}-p${position}`;
      corpus.paragraphs.push(line([paragraphId, articleId, 1, position, text, paragraphVectorInput]));
      if (n % 997 === 0 && position === 1) {
        const words = tokenize(text);
        const at = Math.floor(random() * (words.length - 1));
        corpus.phrases.push(`"${words[at]!.text} ${words[at + 1]!.text}"`);
      }
      if (position !== 1) continue;
      const firstWords = tokenize(text).slice(0, 3);
      const exact = text.slice(firstWords[0]!.start, firstWords[firstWords.length - 1]!.end);
      if (n % 5 === 0) {
        corpus.annotations.push(line([`${articleId}-h`, articleId, paragraphId, ids.annotator, "HIGHLIGHT", firstWords[0]!.start, firstWords[2]!.end, exact, "", "", COLOURS[n % COLOURS.length]!, null, null, "SHARED", published.toISOString(), vector(exact, language)]));
      }
      if (n % 10 === 0) {
        const entity = ids.entities[n % ids.entities.length]!;
        corpus.annotations.push(line([`${articleId}-e`, articleId, paragraphId, ids.annotator, "ENTITY", firstWords[0]!.start, firstWords[2]!.end, exact, "", "", null, entity.typeId, entity.id, "SHARED", published.toISOString(), vector(exact, language)]));
      }
      if (n % 20 === 0) {
        const body = sentence(language);
        corpus.notes.push(line([`${articleId}-n`, articleId, paragraphId, ids.annotator, body, n % 40 === 0 ? "PRIVATE" : "SHARED", published.toISOString(), vector(body)]));
      }
    }
  }
  return corpus;
}

async function copy(client: pg.PoolClient, statement: string, lines: string[]): Promise<void> {
  if (!lines.length) return;
  await pipeline(Readable.from(lines), client.query(copyFrom(statement)));
}

const GIN_INDEXES = [
  ["Paragraph_searchVector_idx", `"Paragraph" USING GIN ("searchVector")`],
  ["Article_titleVector_idx", `"Article" USING GIN ("titleVector")`],
  ["Article_textVector_idx", `"Article" USING GIN ("textVector")`],
  ["Annotation_searchVector_idx", `"Annotation" USING GIN ("searchVector")`],
  ["Note_searchVector_idx", `"Note" USING GIN ("searchVector")`],
] as const;

type Reader = { id: string; name: string; email: string; role: "READER"; color: string };

/** Generates the corpus and loads it with COPY, GIN indexes rebuilt after. */
async function load(pool: pg.Pool, log: (message: string) => void): Promise<{ reader: Reader; phrases: string[]; paragraphs: number }> {
  const client = await pool.connect();
  const reader = { id: randomUUID(), name: "Rita Reader", email: "rita@bench.example", role: "READER" as const, color: "#8a4b0f" };
  const annotator = randomUUID();
  await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES ($1, $2, $3, 'READER', now()), ($4, 'Anna Annotator', 'anna@bench.example', 'ANNOTATOR', now())`, [reader.id, reader.name, reader.email, annotator]);
  const types = Object.fromEntries((await client.query<{ key: string; id: string }>(`SELECT key, id FROM "EntityType" WHERE key IN ('PER', 'ORG')`)).rows.map((row) => [row.key, row.id]));
  const entities: { id: string; typeId: string }[] = [];
  for (const first of FIRST) {
    for (const last of LAST) {
      const id = randomUUID();
      entities.push({ id, typeId: types.PER! });
      await client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, $3, '{}', $4, now())`, [id, types.PER, `${first} ${last}`, annotator]);
    }
  }

  log(`Generating and loading ${ARTICLES.toLocaleString("en-US")} articles with COPY…`);
  const loadStarted = performance.now();
  for (const [name] of GIN_INDEXES) await client.query(`DROP INDEX "${name}"`);
  const phrases: string[] = [];
  let paragraphs = 0;
  let generating = 0;
  const BATCH = 5_000;
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const started = performance.now();
    const corpus = generate(from, Math.min(ARTICLES, from + BATCH), { reader: reader.id, annotator, entities });
    generating += performance.now() - started;
    await copy(client, `COPY "Article" (id, slug, title, language, "contentHash", "publishedAt", "createdAt", "updatedAt", revision, "titleVector") FROM STDIN`, corpus.articles);
    await copy(client, `COPY "Paragraph" (id, "articleId", revision, position, text, "searchVector") FROM STDIN`, corpus.paragraphs);
    await copy(client, `COPY "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, "entityTypeId", "entityId", visibility, "updatedAt", "searchVector") FROM STDIN`, corpus.annotations);
    await copy(client, `COPY "Note" (id, "articleId", "paragraphId", "authorId", body, visibility, "updatedAt", "searchVector") FROM STDIN`, corpus.notes);
    phrases.push(...corpus.phrases);
    paragraphs += corpus.paragraphs.length;
  }
  // Each article's vector from its paragraphs', as the app's writers build it (migration 20261201233000_article_text_vector).
  await client.query(`UPDATE "Article" AS "a" SET "textVector" = "glossa_article_text_vector"(ARRAY(
    SELECT "p"."searchVector" FROM "Paragraph" AS "p" WHERE "p"."articleId" = "a"."id" AND "p"."revision" = "a"."revision" ORDER BY "p"."position"))`);
  const copied = performance.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const [name, on] of GIN_INDEXES) await client.query(`CREATE INDEX "${name}" ON ${on}`);
  await client.query(`ANALYZE`);
  const queued = Number((await client.query(`SELECT count(*) FROM "SearchIndexQueue"`)).rows[0].count);
  const loaded = performance.now();
  log(
    `Loaded ${ARTICLES.toLocaleString("en-US")} articles, ${paragraphs.toLocaleString("en-US")} paragraphs in ${((loaded - loadStarted) / 1000).toFixed(1)} s ` +
      `(lemmatising and generating ${(generating / 1000).toFixed(1)} s, COPY and article vectors ${((copied - loadStarted - generating) / 1000).toFixed(1)} s, GIN indexes and ANALYZE ${((loaded - copied) / 1000).toFixed(1)} s); ${queued} rows left queued by the triggers`,
  );
  client.release();
  return { reader, phrases, paragraphs };
}

async function main() {
  delete process.env.DATABASE_URL;
  process.env.BETTER_AUTH_SECRET = randomBytes(24).toString("hex");
  const log = (message: string) => console.log(`[bench] ${message}`);
  const dataDir = KEEP ? path.resolve(KEEP) : await mkdtemp(path.join(os.tmpdir(), "glossa-search-bench-db-"));
  // What a kept cluster's run needs of its load: the reader, the phrases and the paragraph count.
  const loadFile = path.join(dataDir, `search-bench-${ARTICLES}.json`);
  const kept = KEEP && existsSync(loadFile) ? (JSON.parse(await readFile(loadFile, "utf8")) as { reader: Reader; phrases: string[]; paragraphs: number }) : null;
  log(kept ? `Starting the kept cluster in ${dataDir}…` : `Starting ${KEEP ? "an" : "a throwaway"} embedded PostgreSQL…`);
  const database = await prepareDatabase({ dataDir, throwaway: !KEEP, log: () => {} });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const { reader, phrases, paragraphs } = kept ?? (await load(pool, log));
    if (KEEP && !kept) await writeFile(loadFile, JSON.stringify({ reader, phrases, paragraphs }));
    if (kept) await pool.query("ANALYZE");

    process.env.DATABASE_URL = database.url;
    const { searchArticles } = await import("../../lib/server/search/search-articles");
    const { db } = await import("../../lib/db");
    const ru = VOCABULARY.ru.words;
    const en = VOCABULARY.en.words;
    // Single words across the frequency range: ranks 5, 20, 50, 100, 200, 400, 800 (and rarer) in each language.
    const ranks = [5, 20, 50, 100, 200, 400, 800, 1_500];
    const classes: Record<string, string[]> = {
      "single words": [...ranks.filter((rank) => rank < ru.length).map((rank) => ru[rank]!), ...ranks.filter((rank) => rank < en.length).map((rank) => en[rank]!), "Соболева", "Грузии"],
      phrases: phrases.slice(0, 16),
      filtered: [
        `${ru[50]} lang:ru`,
        `${en[50]} lang:en after:2023-01-01`,
        `${ru[100]} before:2022-06-01`,
        `${ru[20]} colour:pink`,
        `${en[30]} has:note`,
        `${ru[200]} -${ru[40]}`,
        `entity:"Ирина Соболева"`,
        `${ru[30]} type:person`,
        `${ru[60]} user:anna`,
        `${ru[10]} ${ru[80]} lang:ru has:highlight`,
      ],
    };
    const timings: Record<string, number[]> = {};
    const totals: Record<string, number[]> = {};
    const perQuery: { q: string; median: number; total: string; order: string }[] = [];
    for (const [name, queries] of Object.entries(classes)) {
      timings[name] = [];
      totals[name] = [];
      for (const q of queries) {
        await searchArticles({ actor: reader, input: { q } }); // warm: plans and caches
        const own: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          const outcome = await searchArticles({ actor: reader, input: { q } });
          own.push(performance.now() - started);
          if (run === 0) {
            totals[name]!.push(outcome.total);
            perQuery.push({ q, median: 0, total: `${outcome.estimated ? "about " : ""}${outcome.total}`, order: outcome.order });
          }
        }
        timings[name]!.push(...own);
        perQuery.at(-1)!.median = percentile(own, 50);
      }
    }
    await db().$disconnect();
    // The search reads through the direct pool too: closed before the cluster stops, not cut off by it.
    await (await import("../../lib/server/direct-pool")).closeDirectPools();

    console.log(`\n${benchCommand("search")}`);
    console.log(`${ARTICLES.toLocaleString("en-US")} articles, ${paragraphs.toLocaleString("en-US")} paragraphs; searchArticles as a Reader, ${RUNS} runs per query after a warm-up`);
    const all: number[] = [];
    for (const [name, values] of Object.entries(timings)) {
      all.push(...values);
      const hits = totals[name]!;
      console.log(
        `  ${name.padEnd(13)} ${String(classes[name]!.length).padStart(2)} queries: p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms; matching articles ${Math.min(...hits)}–${Math.max(...hits)}`,
      );
    }
    const newest = perQuery.filter((query) => query.order === "newest").length;
    console.log(`  ${perQuery.length - newest} queries ranked whole (best first, exact count), ${newest} too common to rank (newest first, count estimated); slowest medians:`);
    for (const query of [...perQuery].sort((a, b) => b.median - a.median).slice(0, process.env.BENCH_SEARCH_ALL ? undefined : 6)) {
      console.log(`    ${query.median.toFixed(1).padStart(7)} ms  ${query.q}  (${query.total} articles, ${query.order === "newest" ? "newest first" : "best first"})`);
    }
    console.log(`  all           ${all.length} timings: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms (targets: p50 < 30 ms, p95 < 100 ms)`);
  } finally {
    await pool.end();
    await database.embedded?.stop();
    if (!KEEP) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
