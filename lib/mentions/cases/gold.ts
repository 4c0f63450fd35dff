import type { MentionTarget, TaggedSpan } from "../find-entity-mentions";

/**
 * One gold case: paragraphs, the entity looked for, and every mention a careful annotator would tag
 * (by paragraph and words; `nth` picks among equal words in a paragraph, from 0).
 */
export interface MentionGoldCase {
  id: string;
  language: string;
  paragraphs: string[];
  target: MentionTarget;
  tagged?: TaggedSpan[];
  expected: { paragraph: number; exact: string; nth?: number }[];
}

/**
 * Held-out gold set for mention suggestions: written before the finder was tuned and never used to
 * tune it (the unit tests have their own table). Scored by `npm run bench mentions` against a naive
 * exact-string baseline. Includes collisions: words that start like the name, common nouns that
 * are the name's homographs, words containing the name.
 */
export const MENTION_GOLD: MentionGoldCase[] = [
  {
    id: "putin-forms",
    language: "ru",
    paragraphs: [
      "Президент России Владимир Путин провёл совещание.",
      "Песков сообщил, что Путину доложили о ситуации, а Путиным были даны поручения.",
      "Встреча с Путиным состоится в среду, сказал он о планах Путина.",
    ],
    target: { name: "Владимир Путин", aliases: ["Владимира Путина"], person: true },
    expected: [
      { paragraph: 0, exact: "Владимир Путин" },
      { paragraph: 1, exact: "Путину" },
      { paragraph: 1, exact: "Путиным" },
      { paragraph: 2, exact: "Путиным" },
      { paragraph: 2, exact: "Путина" },
    ],
  },
  {
    id: "putin-fishing-season",
    language: "ru",
    paragraphs: ["Весенняя путина началась раньше обычного.", "Рыбаки ждут путину, а Путин ждёт доклада."],
    target: { name: "Путин", person: true },
    expected: [{ paragraph: 1, exact: "Путин" }],
  },
  {
    id: "putinism-prefix",
    language: "ru",
    paragraphs: ["Книга о путинизме и Путинской эпохе вышла в Москве.", "Автор книги встречался с Путиным."],
    target: { name: "Владимир Путин", person: true },
    expected: [{ paragraph: 1, exact: "Путиным" }],
  },
  {
    id: "sobolev-feminine",
    language: "ru",
    paragraphs: ["Ирина Соболева возглавила комитет.", "По словам Соболевой, работа начнётся в марте.", "Коллеги поздравили Ирину Соболеву."],
    target: { name: "Ирина Соболева", person: true },
    expected: [
      { paragraph: 0, exact: "Ирина Соболева" },
      { paragraph: 1, exact: "Соболевой" },
      { paragraph: 2, exact: "Ирину Соболеву" },
    ],
  },
  {
    id: "sobolevsky-collision",
    language: "ru",
    paragraphs: ["Соболевский район граничит с морем.", "Глава района Соболев приехал на встречу."],
    target: { name: "Андрей Соболев", person: true },
    expected: [{ paragraph: 1, exact: "Соболев" }],
  },
  {
    id: "georgia-vs-cargo",
    language: "ru",
    paragraphs: ["Власти Грузии ответили на письмо.", "Рабочие грузили ящики, груз ушёл в Грузию.", "В Грузии прошли выборы."],
    target: { name: "Грузия" },
    expected: [
      { paragraph: 0, exact: "Грузии" },
      { paragraph: 1, exact: "Грузию" },
      { paragraph: 2, exact: "Грузии" },
    ],
  },
  {
    id: "kremlin-cases",
    language: "ru",
    paragraphs: ["В Кремле прокомментировали письмо.", "Пресс-служба Кремля сообщила об этом.", "Кремль не ответил, кремлёвские источники молчат."],
    target: { name: "Кремль" },
    expected: [
      { paragraph: 0, exact: "Кремле" },
      { paragraph: 1, exact: "Кремля" },
      { paragraph: 2, exact: "Кремль" },
    ],
  },
  {
    id: "press-service-hyphen",
    language: "ru",
    paragraphs: ["Об этом сообщила пресс-служба Кремля.", "В пресс-службе Кремля уточнили детали.", "Служба Кремля по связям работает."],
    target: { name: "пресс-служба Кремля" },
    expected: [
      { paragraph: 0, exact: "пресс-служба Кремля" },
      { paragraph: 1, exact: "пресс-службе Кремля" },
    ],
  },
  {
    id: "inashvili-alias",
    language: "ru",
    paragraphs: ["Ирма Инашвили опубликовала письмо.", "Инашвили также обвинила власти.", "Письмо Инашвили прочитали в Москве."],
    target: { name: "Ирма Инашвили", person: true },
    expected: [
      { paragraph: 0, exact: "Ирма Инашвили" },
      { paragraph: 1, exact: "Инашвили" },
      { paragraph: 2, exact: "Инашвили" },
    ],
  },
  {
    id: "first-name-alone-not",
    language: "ru",
    paragraphs: ["Владимир Зеленский ответил Владимиру Путину.", "Владимир сказал, что Путин не прав."],
    target: { name: "Владимир Путин", person: true },
    expected: [
      { paragraph: 0, exact: "Владимиру Путину" },
      { paragraph: 1, exact: "Путин" },
    ],
  },
  {
    id: "already-tagged",
    language: "ru",
    paragraphs: ["Путин встретился с Медведевым.", "Медведев рассказал о встрече с Путиным."],
    target: { name: "Путин", person: true },
    tagged: [{ paragraph: 0, start: 0, end: 5 }],
    expected: [{ paragraph: 1, exact: "Путиным" }],
  },
  {
    id: "medvedev-bear",
    language: "ru",
    paragraphs: ["Медведь вышел к дороге.", "Дмитрий Медведев заявил о новых мерах.", "Медведева спросили о медведях."],
    target: { name: "Дмитрий Медведев", person: true },
    expected: [
      { paragraph: 1, exact: "Дмитрий Медведев" },
      { paragraph: 2, exact: "Медведева" },
    ],
  },
  {
    id: "moscow-adjective",
    language: "ru",
    paragraphs: ["Отношения между Москвой и Тбилиси.", "Московский суд вынес решение.", "В Москве идёт снег."],
    target: { name: "Москва" },
    expected: [
      { paragraph: 0, exact: "Москвой" },
      { paragraph: 2, exact: "Москве" },
    ],
  },
  {
    id: "rose-name-vs-flower",
    language: "ru",
    paragraphs: ["Роза Сябитова дала интервью.", "Она подарила розу подруге.", "Сябитову спросили о свадьбах."],
    target: { name: "Роза Сябитова", person: true },
    expected: [
      { paragraph: 0, exact: "Роза Сябитова" },
      { paragraph: 2, exact: "Сябитову" },
    ],
  },
  {
    id: "party-alias-lowercase",
    language: "ru",
    paragraphs: ["Партия «Альянс патриотов Грузии» направила письмо.", "Лидеры «Альянса патриотов Грузии» выступили.", "Альянс сил был создан позже."],
    target: { name: "Альянс патриотов Грузии" },
    expected: [
      { paragraph: 0, exact: "Альянс патриотов Грузии" },
      { paragraph: 1, exact: "Альянса патриотов Грузии" },
    ],
  },
  {
    id: "president-alias",
    language: "ru",
    paragraphs: ["Письмо адресовано президенту РФ.", "Президент РФ его получил.", "Президент Франции тоже."],
    target: { name: "Владимир Путин", aliases: ["президент РФ"], person: true },
    expected: [
      { paragraph: 0, exact: "президенту РФ" },
      { paragraph: 1, exact: "Президент РФ" },
    ],
  },
  {
    id: "tass-abbreviation",
    language: "ru",
    paragraphs: ["Об этом сообщает ТАСС.", "Агентство ТАСС уточнило.", "Тассовский стиль известен."],
    target: { name: "ТАСС" },
    expected: [
      { paragraph: 0, exact: "ТАСС" },
      { paragraph: 1, exact: "ТАСС" },
    ],
  },
  {
    id: "yo-spelling",
    language: "ru",
    paragraphs: ["Пётр Щёкин выступил.", "Петр Щекин ответил на вопросы.", "Щекину задали ещё вопрос."],
    target: { name: "Пётр Щёкин", person: true },
    expected: [
      { paragraph: 0, exact: "Пётр Щёкин" },
      { paragraph: 1, exact: "Петр Щекин" },
      { paragraph: 2, exact: "Щекину" },
    ],
  },
  {
    id: "english-person",
    language: "en",
    paragraphs: ["Joe Biden met reporters.", "Biden's aides said Bidens of Delaware were there.", "A biden is not a word."],
    target: { name: "Joe Biden", person: true },
    expected: [
      { paragraph: 0, exact: "Joe Biden" },
      { paragraph: 1, exact: "Biden's" },
    ],
  },
  {
    id: "english-org-plural-collision",
    language: "en",
    paragraphs: ["Apple released a phone.", "She ate two apples and an apple pie.", "Apple's shares rose; Applebee's did not."],
    target: { name: "Apple" },
    expected: [
      { paragraph: 0, exact: "Apple" },
      { paragraph: 2, exact: "Apple's" },
    ],
  },
  {
    id: "word-inside-word",
    language: "ru",
    paragraphs: ["Дом у дороги.", "Домен сайта истёк, домовой ушёл.", "В Доме правительства собрались."],
    target: { name: "Дом" },
    expected: [
      { paragraph: 0, exact: "Дом" },
      { paragraph: 2, exact: "Доме" },
    ],
  },
  {
    id: "lavrov-several",
    language: "ru",
    paragraphs: ["Сергей Лавров провёл переговоры.", "Лаврову задали вопрос о Грузии.", "С Лавровым согласились. Лавровый лист не при чём."],
    target: { name: "Сергей Лавров", person: true },
    expected: [
      { paragraph: 0, exact: "Сергей Лавров" },
      { paragraph: 1, exact: "Лаврову" },
      { paragraph: 2, exact: "Лавровым" },
    ],
  },
  {
    id: "tbilisi-indeclinable",
    language: "ru",
    paragraphs: ["Делегация прибыла в Тбилиси.", "Тбилисский университет открыт.", "Из Тбилиси сообщают."],
    target: { name: "Тбилиси" },
    expected: [
      { paragraph: 0, exact: "Тбилиси" },
      { paragraph: 2, exact: "Тбилиси" },
    ],
  },
  {
    id: "peskov-sand",
    language: "ru",
    paragraphs: ["Дмитрий Песков ответил журналистам.", "На дороге много песка.", "Пескова спросили о песках."],
    target: { name: "Дмитрий Песков", person: true },
    expected: [
      { paragraph: 0, exact: "Дмитрий Песков" },
      { paragraph: 2, exact: "Пескова" },
    ],
  },
];
