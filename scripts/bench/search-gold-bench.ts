/**
 * Search quality end to end (issue 12): the gold set scored against the real search over a
 * database. Every text of the morphology gold set (lib/morphology/gold-cases.ts: queries with the
 * texts each must and must not find, the collisions дом/домен, кот/который, art/party,
 * cat/category, Грузия/груз, день/дня, mouse/mice among them) becomes an article, imported
 * through the import use case; the end-to-end cases (scripts/bench/search-gold-cases.ts) add
 * titles, notes (one of them another user's private note), tagged entity names, phrases and
 * exclusions. Each query runs through matchArticles (what the search page pages through) as a
 * Reader; only the case's own articles are scored. Beside it, the naive baseline: an article
 * matches when each word or phrase occurs as a substring (ILIKE '%…%') of what the reader may
 * read of it (title, text, readable notes, names of readable tags), and an excluded one does not.
 *
 *   npm run bench search-gold
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SEARCH_GOLD } from "../../lib/morphology/gold-cases";
import type { Actor } from "../../lib/permissions";
import { prepareDatabase } from "../runtime";
import { END_TO_END_GOLD, type GoldArticle } from "./search-gold-cases";
import { benchCommand } from "./support";

interface ScoredCase {
  set: string;
  query: string;
  why: string;
  must: string[];
  mustNot: string[];
}

interface Tally {
  found: number;
  must: number;
  wrong: number;
  failures: string[];
}

async function main() {
  delete process.env.DATABASE_URL;
  process.env.BETTER_AUTH_SECRET = randomBytes(24).toString("hex");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "glossa-search-gold-db-"));
  const database = await prepareDatabase({ dataDir, throwaway: true, log: () => {} });
  try {
    const { db } = await import("../../lib/db");
    const { parsePlainText } = await import("../../lib/importing");
    const { importArticle } = await import("../../lib/server/articles/import-article");
    const { createNote } = await import("../../lib/server/notes/create-note");
    const { createAnnotation } = await import("../../lib/server/annotations/create-annotation");
    const { drainSearchIndexQueue } = await import("../../lib/server/search/index-queue");
    const { matchArticles } = await import("../../lib/server/search/search-articles");
    const { parseSearchQuery } = await import("../../lib/search/query");
    const { readableMentionWhere, readableNoteWhere } = await import("../../lib/permissions/where");

    const person = async (name: string, role: "ANNOTATOR" | "READER"): Promise<Actor> => {
      const user = await db().user.create({ data: { id: randomUUID(), name, email: `${randomUUID()}@gold.example`, role } });
      return { id: user.id, name, email: user.email, role, color: user.color };
    };
    const ann = await person("Ann Annotator", "ANNOTATOR");
    const reader = await person("Rita Reader", "READER");
    const types = Object.fromEntries((await db().entityType.findMany({ select: { key: true, id: true } })).map((type) => [type.key, type.id]));

    let count = 0;
    /** Imports one article as the import does, with its note and tag; returns its id. */
    const add = async (article: GoldArticle, language: string): Promise<string> => {
      // A title without words, unless the case is about titles: it must not match by itself.
      const title = article.title ?? `№ ${++count}`;
      const parsed = await parsePlainText(`${title}\n\n${article.text}`, { sourceUrl: `https://gold.example/${randomUUID()}`, language });
      const { articleId } = await importArticle({ parsed, target: { mode: "new" } });
      const paragraph = await db().paragraph.findFirstOrThrow({ where: { articleId }, orderBy: { position: "asc" }, select: { id: true, text: true } });
      if (article.note) await createNote({ actor: ann, articleId, input: { paragraphId: paragraph.id, body: article.note.body, visibility: article.note.private ? "PRIVATE" : "SHARED" } });
      if (article.tag) {
        const entity = await db().entity.create({ data: { typeId: types[article.tag.type]!, name: article.tag.entity, aliases: [], createdById: ann.id } });
        const start = paragraph.text.indexOf(article.tag.phrase);
        const end = start + article.tag.phrase.length;
        await createAnnotation({
          actor: ann,
          articleId,
          input: { kind: "ENTITY", entityTypeId: types[article.tag.type], entityId: entity.id, paragraphId: paragraph.id, start, end, exact: article.tag.phrase, prefix: paragraph.text.slice(0, start), suffix: paragraph.text.slice(end, end + 32) },
        });
      }
      return articleId;
    };

    const cases: ScoredCase[] = [];
    for (const gold of SEARCH_GOLD) {
      const ids = async (texts: string[]) => Promise.all(texts.map((text) => add({ key: text, text }, gold.language)));
      cases.push({ set: gold.split === "dev" ? "morphology dev" : "morphology held-out", query: gold.query, why: gold.why, must: await ids(gold.mustMatch), mustNot: await ids(gold.mustNotMatch) });
    }
    for (const gold of END_TO_END_GOLD) {
      const byKey = new Map<string, string>();
      for (const article of gold.articles) byKey.set(article.key, await add(article, gold.language));
      cases.push({ set: "end-to-end held-out", query: gold.query, why: gold.why, must: gold.mustMatch.map((key) => byKey.get(key)!), mustNot: gold.mustNotMatch.map((key) => byKey.get(key)!) });
    }
    await drainSearchIndexQueue();

    /** What the reader may read of an article, as one string, for the substring baseline. */
    const documentOf = async (articleId: string): Promise<string> => {
      const article = await db().article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true, revision: true } });
      const [paragraphs, notes, tags] = await Promise.all([
        db().paragraph.findMany({ where: { articleId, revision: article.revision }, select: { text: true } }),
        db().note.findMany({ where: { articleId, ...readableNoteWhere(reader) }, select: { body: true } }),
        db().annotation.findMany({ where: { articleId, ...readableMentionWhere(reader) }, select: { entity: { select: { name: true } } } }),
      ]);
      return [article.title, ...paragraphs.map((row) => row.text), ...notes.map((row) => row.body), ...tags.map((row) => row.entity?.name ?? "")].join("\n");
    };
    const like = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;
    const baseline = async (query: string, articleId: string): Promise<boolean> => {
      const { terms } = parseSearchQuery(query);
      const wanted = terms.filter((term) => !term.exclude).map((term) => like(term.text));
      const unwanted = terms.filter((term) => term.exclude).map((term) => like(term.text));
      const document = await documentOf(articleId);
      // ILIKE ANY of an empty array is false: nothing excluded leaves everything in.
      const [row] = await db().$queryRaw<{ hit: boolean }[]>`
        SELECT (${document} ILIKE ALL(${wanted}::text[])) AND NOT (${document} ILIKE ANY(${unwanted}::text[])) AS "hit"`;
      return Boolean(row?.hit);
    };

    const tallies = new Map<string, { search: Tally; naive: Tally }>();
    const tally = (set: string) => {
      let found = tallies.get(set);
      if (!found) tallies.set(set, (found = { search: { found: 0, must: 0, wrong: 0, failures: [] }, naive: { found: 0, must: 0, wrong: 0, failures: [] } }));
      return found;
    };
    for (const scored of cases) {
      const { ranked } = await matchArticles({ actor: reader, q: scored.query });
      const returned = new Set(ranked.map((row) => row.article.id));
      for (const [method, hit] of [
        ["search", async (id: string) => returned.has(id)],
        ["naive", (id: string) => baseline(scored.query, id)],
      ] as const) {
        const entry = tally(scored.set)[method];
        for (const id of scored.must) {
          entry.must++;
          if (await hit(id)) entry.found++;
          else entry.failures.push(`${scored.query}: missed a must-match (${scored.why})`);
        }
        for (const id of scored.mustNot) {
          if (await hit(id)) {
            entry.wrong++;
            entry.failures.push(`${scored.query}: found a must-not-match (${scored.why})`);
          }
        }
      }
    }
    await db().$disconnect();
    // The search reads through the direct pool too: closed before the cluster stops, not cut off by it.
    await (await import("../../lib/server/direct-pool")).closeDirectPools();

    console.log(`\n${benchCommand("search-gold")}`);
    const format = (entry: Tally) =>
      `recall ${(entry.found / entry.must).toFixed(3)}, precision ${(entry.found / Math.max(1, entry.found + entry.wrong)).toFixed(3)} (${entry.found}/${entry.must} found, ${entry.wrong} wrong)`;
    for (const [set, entry] of tallies) {
      const queries = cases.filter((scored) => scored.set === set).length;
      console.log(`  ${set} (${queries} queries):`);
      console.log(`    search: ${format(entry.search)}`);
      console.log(`    naive ILIKE substring: ${format(entry.naive)}`);
      for (const failure of entry.search.failures) console.log(`      search ✗ ${failure}`);
    }
    const heldOut = [...tallies].filter(([set]) => set.includes("held-out")).map(([, entry]) => entry);
    const sum = (pick: (entry: { search: Tally; naive: Tally }) => Tally): Tally =>
      heldOut.map(pick).reduce((total, entry) => ({ found: total.found + entry.found, must: total.must + entry.must, wrong: total.wrong + entry.wrong, failures: [] }), { found: 0, must: 0, wrong: 0, failures: [] });
    const heldOutQueries = cases.filter((scored) => scored.set.includes("held-out")).length;
    console.log(`  all held-out (${heldOutQueries} queries): search ${format(sum((entry) => entry.search))}; naive ${format(sum((entry) => entry.naive))}`);
  } finally {
    await database.embedded?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
