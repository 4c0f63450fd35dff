/**
 * The search index beyond paragraphs, against a real PostgreSQL: titles, annotations' quoted
 * words, notes and entity names are queued by triggers in the writer's transaction and indexed
 * by the queue's drain (within a second when the indexer runs); every write that changes them
 * (note create/edit/delete, annotation create/delete, entity rename, article edit, re-import,
 * delete) leaves the index right. Then the filters (entity:, type:, said:, user:, colour:,
 * has:), and the read rules inside the query: another user's private note or highlight is never
 * counted or shown, archived articles only for admins.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { importArticle } from "@/lib/server/articles/import-article";
import { updateArticle } from "@/lib/server/articles/update-article";
import { createNote } from "@/lib/server/notes/create-note";
import { deleteNote } from "@/lib/server/notes/delete-note";
import { updateNote } from "@/lib/server/notes/update-note";
import { span, testLibrary } from "@/lib/server/testing/library";
import { drainSearchIndexQueue } from "./index-queue";
import { newestMatches } from "./newest-matches";
import { prepareSearch } from "./prepare-search";
import { matchArticleIds, matchArticles, searchArticles, type SearchLimits } from "./search-articles";
import { startSearchIndexer } from "./start-search-indexer";

const library = testLibrary("glossa-search-index-test");

/** A word no dictionary knows and no other test uses: it matches only where this test put it. */
const word = () => `zq${Array.from({ length: 8 }, () => "bcdfghjkmnpqrtvwxz"[Math.floor(Math.random() * 18)]).join("")}`;

interface Imported {
  articleId: string;
  slug: string;
  paragraphId: string;
  text: string;
}

async function importText(text: string, title = `Статья ${randomUUID().slice(0, 8)}`): Promise<Imported> {
  const parsed = await parsePlainText(`${title}\n\n${text}`, { sourceUrl: `https://example.test/${randomUUID()}` });
  const imported = await importArticle({ parsed, target: { mode: "new" } });
  const { rows } = await library.client.query<{ id: string; text: string }>(
    `SELECT p.id, p.text FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" AND a.revision = p.revision WHERE a.id = $1 ORDER BY p.position LIMIT 1`,
    [imported.articleId],
  );
  return { articleId: imported.articleId, slug: imported.slug, paragraphId: rows[0]!.id, text: rows[0]!.text };
}

const search = (q: string, actor: Actor | null) => searchArticles({ actor, input: { q } });
const slugs = async (q: string, actor: Actor | null) => (await search(q, actor)).results.map((result) => result.slug);

describe("the index follows every write", () => {
  it("a note: searchable once the queue drains, its edit replaces the old words at once, its deletion removes it", async () => {
    const at = await importText("Переговоры в Женеве продолжатся на следующей неделе.");
    const [first, second] = [word(), word()];
    const note = await createNote({ actor: library.ann, articleId: at.articleId, input: { paragraphId: at.paragraphId, body: `See **${first}** and [the report](https://example.test/${second})` } });
    expect(await slugs(first, library.bob)).toEqual([]); // queued, not yet indexed
    expect(await drainSearchIndexQueue()).toBeGreaterThanOrEqual(1);
    const found = (await search(first, library.bob)).results;
    expect(found.map((result) => result.slug)).toEqual([at.slug]);
    expect(found[0]!.snippets[0]).toMatchObject({ source: "note", anchor: "p-1", label: "Note by Ann", text: `See ${first} and the report` });
    const snippet = found[0]!.snippets[0]!;
    expect(snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end))).toEqual([first]);
    expect(await slugs(second, library.bob)).toEqual([]); // a link's address is not its words

    const edited = word();
    await updateNote({ actor: library.ann, noteId: note.id, input: { body: `Now about ${edited}`, version: note.version } });
    expect(await slugs(first, library.bob)).toEqual([]); // the old words stop matching in the same transaction
    await drainSearchIndexQueue();
    expect(await slugs(edited, library.bob)).toEqual([at.slug]);

    await deleteNote({ actor: library.ann, noteId: note.id });
    expect(await slugs(edited, library.bob)).toEqual([]);
  });

  it("an annotation: its quoted words link to #a-<id>; deleted, it is gone", async () => {
    const unique = word();
    const at = await importText(`Министр встретился с делегацией ${unique} в Тбилиси.`);
    const highlight = await createAnnotation({ actor: library.ann, articleId: at.articleId, input: { kind: "HIGHLIGHT", color: "pink", ...span(at.paragraphId, at.text, `делегацией ${unique}`) } });
    await drainSearchIndexQueue();
    const { rows } = await library.client.query<{ vector: string }>(`SELECT "searchVector"::text AS vector FROM "Annotation" WHERE id = $1`, [highlight.id]);
    expect(rows[0]!.vector).toContain("делегация");
    const snippets = (await search(`делегация ${unique}`, library.bob)).results[0]!.snippets;
    expect(snippets.map((snippet) => snippet.anchor)).toContain(`a-${highlight.id}`);
    await deleteAnnotation({ actor: library.ann, annotationId: highlight.id });
    const after = (await search(`делегация ${unique}`, library.bob)).results[0]!.snippets;
    expect(after.map((snippet) => snippet.anchor)).not.toContain(`a-${highlight.id}`);
  });

  it("an entity: its name finds the articles that tag it, and a rename takes the old name away", async () => {
    const at = await importText("Директор центра выступил на брифинге в среду.");
    const tag = await createAnnotation({ actor: library.ann, articleId: at.articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER, ...span(at.paragraphId, at.text, "Директор центра") } });
    const [name, renamed] = [`Ирина ${word()}`, `Мария ${word()}`];
    await library.client.query(`UPDATE "Entity" SET name = $1 WHERE id = $2`, [name, tag.entity!.id]);
    await drainSearchIndexQueue();
    const result = (await search(name.split(" ")[1]!, library.bob)).results;
    expect(result.map((row) => row.slug)).toEqual([at.slug]);
    expect(result[0]!.snippets[0]).toMatchObject({ source: "entity", anchor: `a-${tag.id}`, label: `Person: ${name}`, text: "Директор центра" });

    await library.client.query(`UPDATE "Entity" SET name = $1 WHERE id = $2`, [renamed, tag.entity!.id]);
    expect(await slugs(name.split(" ")[1]!, library.bob)).toEqual([]);
    await drainSearchIndexQueue();
    expect(await slugs(renamed.split(" ")[1]!, library.bob)).toEqual([at.slug]);
  });

  it("an article: its title, edited, re-imported and deleted", async () => {
    const [title, edited, text, revised] = [word(), word(), word(), word()];
    const at = await importText(`Первый абзац о ${text}.`, `Заголовок ${title}`);
    await drainSearchIndexQueue();
    const found = (await search(title, library.rita)).results;
    expect(found.map((row) => row.slug)).toEqual([at.slug]);
    expect(found[0]!.titleMarks.map((mark) => found[0]!.title.slice(mark.start, mark.end))).toEqual([title]);

    await updateArticle({ actor: library.ada, articleId: at.articleId, input: { title: `Заголовок ${edited}`, language: "ru" } });
    expect(await slugs(title, library.rita)).toEqual([]);
    await drainSearchIndexQueue();
    expect(await slugs(edited, library.rita)).toEqual([at.slug]);

    const parsed = await parsePlainText(`Заголовок ${edited}\n\nВторой абзац о ${revised}.`);
    await importArticle({ parsed, target: { mode: "replace", articleId: at.articleId } });
    expect(await slugs(revised, library.rita)).toEqual([at.slug]);
    expect(await slugs(text, library.rita)).toEqual([]);

    await library.client.query(`DELETE FROM "Article" WHERE id = $1`, [at.articleId]);
    expect(await slugs(edited, library.rita)).toEqual([]);
    expect(await slugs(revised, library.rita)).toEqual([]);
  });

  it("drops queue entries of rows deleted before they were indexed", async () => {
    const at = await importText("Короткий текст.");
    await library.client.query(`DELETE FROM "Article" WHERE id = $1`, [at.articleId]);
    await drainSearchIndexQueue();
    const { rows } = await library.client.query(`SELECT 1 FROM "SearchIndexQueue" WHERE "rowId" = $1`, [at.articleId]);
    expect(rows).toEqual([]);
  });

  // Its speed (about a second) is the search benchmark's to measure: a timed assertion here would
  // flake on a busy machine. This checks that the running indexer, not a test's drain, catches up.
  it("catches up by itself when the indexer runs", async () => {
    const stop = startSearchIndexer();
    try {
      const at = await importText("Текст для заметки.");
      const unique = word();
      await createNote({ actor: library.ann, articleId: at.articleId, input: { paragraphId: at.paragraphId, body: unique } });
      await vi.waitFor(async () => expect(await slugs(unique, library.bob)).toEqual([at.slug]), { timeout: 30_000, interval: 50 });
    } finally {
      stop();
    }
  });
});

describe("the read rules are part of the query", () => {
  it("another user's private note or highlight is neither shown nor counted; admins see none either", async () => {
    const [inNote, inText] = [word(), word()];
    const at = await importText(`Сообщение о ${inText} пришло утром.`);
    await createNote({ actor: library.ann, articleId: at.articleId, input: { paragraphId: at.paragraphId, body: `secret ${inNote}`, visibility: "PRIVATE" } });
    const mine = await createAnnotation({ actor: library.ann, articleId: at.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility: "PRIVATE", ...span(at.paragraphId, at.text, inText) } });
    await drainSearchIndexQueue();
    expect(await slugs(inNote, library.ann)).toEqual([at.slug]);
    for (const other of [library.bob, library.rita, library.ada, null]) {
      const outcome = await search(inNote, other);
      expect(outcome.total).toBe(0);
      // The text itself is everyone's; the private highlight on it is not.
      const snippets = (await search(inText, other)).results.flatMap((result) => result.snippets);
      expect(snippets.map((snippet) => snippet.anchor)).not.toContain(`a-${mine.id}`);
    }
    expect((await search(inText, library.ann)).results[0]!.snippets.map((snippet) => snippet.anchor)).toContain(`a-${mine.id}`);
  });

  it("archived articles (and their notes) only for admins", async () => {
    const unique = word();
    const at = await importText("Архивный текст.");
    await createNote({ actor: library.ann, articleId: at.articleId, input: { paragraphId: at.paragraphId, body: unique } });
    await drainSearchIndexQueue();
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [at.articleId]);
    expect(await slugs(unique, library.ann)).toEqual([]);
    expect(await slugs(unique, library.ada)).toEqual([at.slug]);
  });
});

describe("filters", () => {
  const marker = word();
  let tagged: Imported;
  let quoted: Imported;
  let plain: Imported;
  beforeAll(async () => {
    tagged = await importText(`${marker}: Ирина Соболева встретилась с министром. Выделено розовым.`);
    quoted = await importText(`${marker}: «Мы не согласны», — заявил Дмитрий Песков журналистам.`);
    plain = await importText(`${marker}: ничего особенного не произошло.`);
    await createAnnotation({ actor: library.ann, articleId: tagged.articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER, ...span(tagged.paragraphId, tagged.text, "Ирина Соболева") } });
    await createAnnotation({ actor: library.bob, articleId: tagged.articleId, input: { kind: "HIGHLIGHT", color: "pink", ...span(tagged.paragraphId, tagged.text, "Выделено розовым") } });
    await createAnnotation({ actor: library.ann, articleId: quoted.articleId, input: { kind: "QUOTE", speakerName: "Дмитрий Песков", speakerTypeId: library.types.PER, ...span(quoted.paragraphId, quoted.text, "Мы не согласны") } });
    await createAnnotation({ actor: library.ann, articleId: plain.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility: "PRIVATE", ...span(plain.paragraphId, plain.text, "ничего особенного") } });
    await drainSearchIndexQueue();
  });
  const withMarker = async (filters: string, actor: Actor | null = library.rita) => (await slugs(`${marker} ${filters}`, actor)).sort();

  it("entity: names a tagged entity in any form", async () => {
    expect(await withMarker('entity:"Ирина Соболева"')).toEqual([tagged.slug]);
    expect(await withMarker("entity:Соболеву")).toEqual([tagged.slug]);
    expect(await withMarker("entity:Песков")).toEqual([]); // a speaker is not a mention
  });

  it("type: by key, label or its start", async () => {
    for (const type of ["type:person", "type:PER", "type:pers"]) expect(await withMarker(type), type).toEqual([tagged.slug]);
    expect(await withMarker("type:location")).toEqual([]);
  });

  it("said: the speaker of a quote", async () => {
    expect(await withMarker("said:Песков")).toEqual([quoted.slug]);
    expect(await withMarker('said:"Дмитрия Пескова"')).toEqual([quoted.slug]);
    expect(await withMarker("said:Соболева")).toEqual([]);
  });

  it("user: whose work is on the article, by a word of the name or the email", async () => {
    expect(await withMarker("user:bob")).toEqual([tagged.slug]);
    expect(await withMarker(`user:${library.bob.email}`)).toEqual([tagged.slug]);
    expect(await withMarker("user:ann")).toEqual([tagged.slug, quoted.slug].sort()); // her private highlight is hers alone
    expect(await withMarker("user:ann", library.ann)).toEqual([tagged.slug, quoted.slug, plain.slug].sort());
  });

  it("colour: and has:, within the read rules", async () => {
    expect(await withMarker("colour:pink")).toEqual([tagged.slug]);
    expect(await withMarker("color:yellow")).toEqual([]);
    expect(await withMarker("color:yellow", library.ann)).toEqual([plain.slug]);
    expect(await withMarker("has:quote")).toEqual([quoted.slug]);
    expect(await withMarker("has:entity has:highlight")).toEqual([tagged.slug]);
  });

  it("two filters together, and filters alone", async () => {
    expect(await withMarker("type:person colour:pink")).toEqual([tagged.slug]);
    expect(await withMarker("said:Песков colour:pink")).toEqual([]);
    const alone = await search('entity:"Ирина Соболева"', library.rita);
    expect(alone.searched).toBe(true);
    expect(alone.results.map((result) => result.slug)).toContain(tagged.slug);
    expect(alone.results.map((result) => result.slug)).not.toContain(plain.slug);
  });

  it("answers hostile filter values cleanly", async () => {
    for (const q of ["entity:", 'entity:"', "said:\"'&|!", "type:<script>", "user:%", "colour:ultraviolet", `entity:${"я".repeat(5_000)}`, "-:", "::::"]) {
      const outcome = await search(`${marker} ${q}`, library.rita);
      expect(outcome.query).toBe(`${marker} ${q}`);
    }
    expect(await withMarker("user:%")).toEqual([]);
    expect((await search(`${marker} colour:ultraviolet`, library.rita)).errors.map((error) => error.operator)).toContain("colour");
  });
});

describe("the walk down the newest articles", () => {
  // What the search page lists for a query too common to rank, all of it: each article checked on
  // its own row (title, text vector), confirmed on its paragraphs, its annotations, names and notes
  // found through their tables. It must find exactly what the ranking of every match finds.
  const walked = async (q: string, actor: Actor | null) => {
    const { required, singleWord, conditions, rules } = prepareSearch(actor, q);
    return (await newestMatches({ required, singleWord, conditions: conditions!, rules }, null, null)).map((row) => row.slug).sort();
  };
  const ranked = async (q: string, actor: Actor | null) => (await matchArticles({ actor, q })).ranked.map((row) => row.article.slug).sort();
  // matchArticleIds by both of its paths: the places of a query found in few (these tests' libraries), every article's row when none may be ranked.
  const ids = async (q: string, actor: Actor | null, limits?: SearchLimits) => (await matchArticleIds({ actor, q, limits })).articleIds.sort();
  const both = async (q: string, actor: Actor | null) => {
    const walk = await walked(q, actor);
    expect(walk, q).toEqual(await ranked(q, actor));
    const rankedIds = (await matchArticles({ actor, q })).ranked.map((row) => row.article.id).sort();
    expect(await ids(q, actor), q).toEqual(rankedIds);
    expect(await ids(q, actor, { rankedHits: 0, listed: 0 }), q).toEqual(rankedIds);
    return walk;
  };

  it("finds what ranking every match finds: within a paragraph, in a title, a name or a note, within the read rules", async () => {
    const [end, start, first, second, inTitle, inNote, inPrivate, speaker, repeated] = [word(), word(), word(), word(), word(), word(), word(), word(), word()];
    // The text vector joins the paragraphs: a phrase across the end of one and the start of the next is in it, but not a match.
    const split = await importText(`Первый абзац кончается словом ${end}.\n\n${start} начинает второй абзац, а ${first} стоит здесь.\n\nТретий абзац: ${second}.`);
    const together = await importText(`Здесь ${end} ${start} стоят рядом, и ${first} с ${second} тоже.`);
    const titled = await importText("Обычный текст без особых слов.", `Заголовок ${inTitle}`);
    const noted = await importText("Ещё один обычный текст.");
    await createNote({ actor: library.ann, articleId: noted.articleId, input: { paragraphId: noted.paragraphId, body: `shared ${inNote}` } });
    await createNote({ actor: library.ann, articleId: noted.articleId, input: { paragraphId: noted.paragraphId, body: `mine ${inPrivate}`, visibility: "PRIVATE" } });
    await createAnnotation({ actor: library.ann, articleId: noted.articleId, input: { kind: "QUOTE", speakerName: `Пётр ${speaker}`, speakerTypeId: library.types.PER, ...span(noted.paragraphId, noted.text, "обычный текст") } });
    // Past 255 positions of one word a phrase's could be lost: the article has no text vector, and its paragraphs decide.
    const long = await importText(`${"он ".repeat(300)}и наконец ${first} ${repeated}.`);
    await drainSearchIndexQueue();
    const { rows } = await library.client.query<{ vector: string }>(`SELECT "textVector"::text AS vector FROM "Article" WHERE id = $1`, [long.articleId]);
    expect(rows[0]!.vector).toBeNull();

    expect(await both(`"${end} ${start}"`, library.bob)).toEqual([together.slug]);
    expect(await both(`${end} ${start}`, library.bob)).toEqual([together.slug]); // every word in one paragraph
    expect(await both(`${first} ${second}`, library.bob)).toEqual([together.slug]);
    expect(await both(`"${first} ${repeated}"`, library.bob)).toEqual([long.slug]);
    expect(await both(`"${repeated} ${first}"`, library.bob)).toEqual([]);
    expect(await both(first, library.bob)).toEqual([split.slug, together.slug, long.slug].sort());
    expect(await both(inTitle, library.bob)).toEqual([titled.slug]);
    expect(await both(inNote, library.bob)).toEqual([noted.slug]);
    expect(await both(speaker, library.bob)).toEqual([noted.slug]);
    expect(await both(inPrivate, library.bob)).toEqual([]);
    expect(await both(inPrivate, library.ann)).toEqual([noted.slug]);
    // An exclusion of a phrase leaves in an article holding its words apart.
    expect(await both(`${first} -"${end} ${start}"`, library.bob)).toEqual([split.slug, long.slug].sort());
    expect(await both(`${first} -${end}`, library.bob)).toEqual([long.slug]);
  });

  it("gives a walked page the snippets a ranked one has: highlights, names, speakers and notes, within the read rules", async () => {
    const shared = word();
    // Articles whose text alone matches, and one matched also by a highlight, a tag's name, a quote's speaker and notes (one private).
    await importText(`Сначала слово ${shared} в старой статье.`);
    const plain = await importText(`Здесь просто слово ${shared} в тексте.`);
    const rich = await importText(`Министр назвал ${shared} главной темой недели.`);
    await createAnnotation({ actor: library.ann, articleId: rich.articleId, input: { kind: "HIGHLIGHT", color: "pink", ...span(rich.paragraphId, rich.text, `назвал ${shared}`) } });
    const tag = await createAnnotation({ actor: library.ann, articleId: rich.articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER, ...span(rich.paragraphId, rich.text, "Министр") } });
    await library.client.query(`UPDATE "Entity" SET name = $1 WHERE id = $2`, [`Олег ${shared}`, tag.entity!.id]);
    await createAnnotation({ actor: library.ann, articleId: rich.articleId, input: { kind: "QUOTE", speakerName: `Пётр ${shared}`, speakerTypeId: library.types.PER, ...span(rich.paragraphId, rich.text, "главной темой") } });
    await createNote({ actor: library.ann, articleId: rich.articleId, input: { paragraphId: rich.paragraphId, body: `shared ${shared}` } });
    await createNote({ actor: library.ann, articleId: rich.articleId, input: { paragraphId: rich.paragraphId, body: `mine ${shared}`, visibility: "PRIVATE" } });
    await drainSearchIndexQueue();

    const snippets = async (actor: Actor, limits?: { rankedHits: number; listed: number }) => {
      const outcome = await searchArticles({ actor, input: { q: shared }, limits });
      const bySlug = Object.fromEntries(outcome.results.map((result) => [result.slug, result.snippets.map((snippet) => `${snippet.source} ${snippet.label ?? ""} ${snippet.text}`).sort()]));
      return { order: outcome.order, bySlug };
    };
    // Too common to rank (rankedHits 0) with two listed: the page is the walk's two newest matches.
    for (const actor of [library.bob, library.ann]) {
      const [ranked, walked] = [await snippets(actor), await snippets(actor, { rankedHits: 0, listed: 2 })];
      expect([ranked.order, walked.order]).toEqual(["relevance", "newest"]);
      expect(Object.keys(walked.bySlug).sort()).toEqual([plain.slug, rich.slug].sort());
      for (const slug of [plain.slug, rich.slug]) expect(walked.bySlug[slug]).toEqual(ranked.bySlug[slug]);
      expect(walked.bySlug[plain.slug]).toEqual([`paragraph  ${plain.text}`]);
      // Three snippets an article: the private note is Ann's alone, and outranks the others' shared places for her.
      expect(walked.bySlug[rich.slug]!.some((line) => line.includes(`mine ${shared}`))).toBe(actor === library.ann);
      expect(walked.bySlug[rich.slug]!.some((line) => line.startsWith("note ") || line.startsWith("speaker ") || line.startsWith("annotation "))).toBe(true);
    }
  });

  it("follows a re-import, and checks an article without a text vector on its paragraphs", async () => {
    const [before, after] = [word(), word()];
    const at = await importText(`Сначала здесь было слово ${before}.`);
    expect(await both(before, library.bob)).toEqual([at.slug]);
    const parsed = await parsePlainText(`Новый заголовок\n\nТеперь здесь слово ${after}.`);
    await importArticle({ parsed, target: { mode: "replace", articleId: at.articleId } });
    expect(await both(before, library.bob)).toEqual([]);
    expect(await both(after, library.bob)).toEqual([at.slug]);
    // A loader that bypasses the app may leave it NULL: the article is still found.
    await library.client.query(`UPDATE "Article" SET "textVector" = NULL WHERE id = $1`, [at.articleId]);
    expect(await walked(after, library.bob)).toEqual([at.slug]);
    expect(await walked(`"слово ${after}"`, library.bob)).toEqual([at.slug]);
  });
});
