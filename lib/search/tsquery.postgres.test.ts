/**
 * The tsvector and tsquery input this folder writes, read by a real
 * PostgreSQL with no text search configuration applied (the index's own
 * contract): lemmas meet across inflected forms, phrases need adjacency,
 * exclusions exclude, and quotes and backslashes survive escaping.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexTerms, toTsvectorInput } from "@/lib/morphology";
import { startThrowawayDatabase, type ThrowawayDatabase } from "@/scripts/db/throwaway-database";
import { parseSearchQuery } from "./query";
import { searchTsquery } from "./tsquery";

const TEXTS = [
  { language: "ru", text: "Пресс-служба Кремля сообщила о встрече Путина и Медведева." },
  { language: "ru", text: "Ирину Соболеву видели в Грузии, а в Тбилиси её ждали." },
  { language: "ru", text: "Груз прибыл в порт, медведь ушёл в лес." },
  { language: "en", text: "Mice ate the O'Brien archive; back\\slash notes closed." },
  { language: "ru", text: "«Единая Россия» и Путин; Ирина, а не Соболева." },
  { language: "uk", text: "Мер Києва заявив про відключення." },
];

let database: ThrowawayDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await startThrowawayDatabase("glossa-search-tsquery-test");
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query("CREATE TABLE texts (id int PRIMARY KEY, lexemes tsvector NOT NULL)");
  for (const [id, { language, text }] of TEXTS.entries()) {
    await client.query("INSERT INTO texts VALUES ($1, $2::tsvector)", [id, toTsvectorInput(indexTerms(text, language))]);
  }
});

afterAll(async () => {
  await client?.end();
  await database?.stop();
});

describe("searchTsquery against PostgreSQL", () => {
  it.each([
    ["Путин", [0, 4]],
    ["Соболев", [1, 4]],
    ['"Ирина Соболева"', [1]],
    ['"Ирина Соболева" Грузия', [1]],
    ["Путин -Медведев", [4]],
    ['Путин -"Единая Россия"', [0]],
    ["пресс-служба", [0]],
    ['"служба пресс"', []],
    ["Грузия", [1]],
    ["груз", [2]],
    ["Медведев", [0]],
    ["медведь", [2]],
    ["mouse O'Brien", [3]],
    ["back\\slash close", [3]],
    // Ukrainian is indexed as written: the exact form finds it.
    ["Києва", [5]],
  ])("%s finds %j", async (query, ids) => {
    const tsquery = searchTsquery(parseSearchQuery(query).terms);
    const { rows } = await client.query<{ id: number }>("SELECT id FROM texts WHERE lexemes @@ $1::tsquery ORDER BY id", [tsquery]);
    expect(rows.map((row) => row.id)).toEqual(ids);
  });
});
