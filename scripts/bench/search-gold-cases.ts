/**
 * The end-to-end search gold set's own cases (issue 12): queries whose answers depend on more
 * than a paragraph's words — titles, notes (shared and someone else's private ones), tagged
 * entity names, phrases, exclusions — and the known collisions again in titles and notes. Written
 * before the scorer first ran and never tuned on (held-out). The scorer
 * (scripts/bench/search-gold-bench.ts) adds the morphology gold set's queries
 * (lib/morphology/gold-cases.ts), each text there becoming an article of its own.
 */

export interface GoldArticle {
  key: string;
  title?: string;
  text: string;
  /** A note on its paragraph by another user; `private` ones the searcher must never find. */
  note?: { body: string; private?: boolean };
  /** Words of the text tagged as an entity of this name and type. */
  tag?: { phrase: string; entity: string; type: "PER" | "ORG" | "LOC" };
}

export interface EndToEndCase {
  query: string;
  why: string;
  language: "ru" | "en";
  articles: GoldArticle[];
  mustMatch: string[];
  mustNotMatch: string[];
}

export const END_TO_END_GOLD: EndToEndCase[] = [
  {
    query: "Соболева",
    why: "a name in the title only, in another case",
    language: "ru",
    articles: [
      { key: "title", title: "Интервью с Ириной Соболевой", text: "Она ответила на вопросы читателей." },
      { key: "sable", text: "Соболь — ценный пушной зверь." },
    ],
    mustMatch: ["title"],
    mustNotMatch: ["sable"],
  },
  {
    query: "санкции",
    why: "a shared note's words find its article; another user's private note never does",
    language: "ru",
    articles: [
      { key: "shared", text: "Министры встретились в Брюсселе.", note: { body: "Обсуждали новые **санкции** против импорта." } },
      { key: "private", text: "Министры встретились в Женеве.", note: { body: "Санкция неизбежна", private: true } },
      { key: "city", text: "Санкт-Петербург принял гостей форума." },
    ],
    mustMatch: ["shared"],
    mustNotMatch: ["private", "city"],
  },
  {
    query: "Ирина Соболева",
    why: "a tagged entity's name finds the article whose words are another name for it",
    language: "ru",
    articles: [
      { key: "tagged", text: "Глава центра выступила на брифинге.", tag: { phrase: "Глава центра", entity: "Ирина Соболева", type: "PER" } },
      { key: "other", text: "Ирина Петрова выступила на брифинге." },
    ],
    mustMatch: ["tagged"],
    mustNotMatch: ["other"],
  },
  {
    query: '"лидер партии"',
    why: "a phrase: adjacent, in order, each word in any form",
    language: "ru",
    articles: [
      { key: "inflected", text: "Лидеру партии вручили награду." },
      { key: "reversed", text: "Партии лидер так и не нашёлся." },
      { key: "apart", text: "Лидер новой партии выступил." },
    ],
    mustMatch: ["inflected"],
    mustNotMatch: ["reversed", "apart"],
  },
  {
    query: "выборы -Грузия",
    why: "an excluded word in any form leaves its articles out",
    language: "ru",
    articles: [
      { key: "armenia", text: "Выборы в Армении прошли спокойно." },
      { key: "georgia", text: "Выборы в Грузии прошли спокойно." },
    ],
    mustMatch: ["armenia"],
    mustNotMatch: ["georgia"],
  },
  {
    query: '"close the border"',
    why: "an English phrase with an inflected verb",
    language: "en",
    articles: [
      { key: "closed", text: "They closed the border at night." },
      { key: "adjective", text: "The border is close to the river." },
    ],
    mustMatch: ["closed"],
    mustNotMatch: ["adjective"],
  },
  {
    query: "дом",
    why: "дом ≠ домен, in titles",
    language: "ru",
    articles: [
      { key: "house", title: "Дома на набережной", text: "Жильцы собрались во дворе." },
      { key: "domain", title: "Домен продан с аукциона", text: "Покупатель не назван." },
    ],
    mustMatch: ["house"],
    mustNotMatch: ["domain"],
  },
  {
    query: "cat",
    why: "cat ≠ category, in notes",
    language: "en",
    articles: [
      { key: "note", text: "The meeting ran late.", note: { body: "Two cats slept on the chairs." } },
      { key: "category", text: "The category was wrong.", note: { body: "Categories need a review." } },
    ],
    mustMatch: ["note"],
    mustNotMatch: ["category"],
  },
  {
    query: "mice",
    why: "an irregular plural as the query finds the singular",
    language: "en",
    articles: [
      { key: "mouse", text: "A mouse escaped from the lab." },
      { key: "mickey", text: "Mickey was there as well." },
    ],
    mustMatch: ["mouse"],
    mustNotMatch: ["mickey"],
  },
  {
    query: "дня",
    why: "a fleeting vowel, from the oblique form",
    language: "ru",
    articles: [
      { key: "day", text: "Прошёл ещё один день переговоров." },
      { key: "money", text: "Деньги пришли на счёт." },
    ],
    mustMatch: ["day"],
    mustNotMatch: ["money"],
  },
  {
    query: "кот",
    why: "кот ≠ который, кот ≠ котёл",
    language: "ru",
    articles: [
      { key: "cats", text: "Коты спят на крыше." },
      { key: "which", text: "Который час, спросил он." },
      { key: "kettle", text: "Котёл закипел к обеду." },
    ],
    mustMatch: ["cats"],
    mustNotMatch: ["which", "kettle"],
  },
  {
    query: "Грузии",
    why: "Georgia in an oblique case finds the nominative, never cargo",
    language: "ru",
    articles: [
      { key: "georgia", text: "Грузия подала заявку." },
      { key: "cargo", text: "Груз прибыл в порт, грузы задержали." },
    ],
    mustMatch: ["georgia"],
    mustNotMatch: ["cargo"],
  },
  {
    query: "art",
    why: "art ≠ party, in titles",
    language: "en",
    articles: [
      { key: "arts", title: "Arts funding grows", text: "Museums welcomed the news." },
      { key: "party", title: "The party won", text: "Supporters celebrated." },
    ],
    mustMatch: ["arts"],
    mustNotMatch: ["party"],
  },
  {
    query: "Песков",
    why: "a speaker tagged as an organisation's spokesman: the name in a tag, the words in the text",
    language: "ru",
    articles: [
      { key: "tag", text: "Представитель Кремля отказался комментировать.", tag: { phrase: "Представитель Кремля", entity: "Дмитрий Песков", type: "PER" } },
      { key: "sand", text: "Песок засыпал дорогу." },
    ],
    mustMatch: ["tag"],
    mustNotMatch: ["sand"],
  },
];
