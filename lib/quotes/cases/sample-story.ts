import { readFileSync } from "node:fs";
import path from "node:path";

import type { LabelledArticle } from "./labels";

/**
 * The sample story (ТАСС, Kremlin on Georgia): blank-line paragraphs, headline on the last line.
 * Four quotes, attributed to the Kremlin's press service and to the Kremlin; the party name
 * “Альянс патриотов Грузии” in marks, in several cases, is never a quote.
 */
export function sampleStory(): LabelledArticle {
  const file = path.join(import.meta.dirname, "../../importing/fixtures/kremlin-georgia-ru.txt");
  const paragraphs = readFileSync(file, "utf8").split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean);
  return {
    id: "ru-kremlin-georgia-sample",
    language: "ru",
    paragraphs,
    quotes: [
      {
        paragraph: 1,
        text: "Разделяем высказанную в письме озабоченность нынешним состоянием двусторонних связей и призыв в пользу их улучшения. Россия всегда выступала за конструктивные отношения с Грузией. Как известно, не мы были инициаторами их разрыва",
        speaker: { text: "пресс-службе" },
      },
      {
        paragraph: 2,
        text: "несмотря на все потуги русофобов и радикалов, в Грузии остаются здравомыслящие силы, выступающие за восстановление добрососедских связей между",
        speaker: { text: "Кремле" },
      },
      { paragraph: 3, text: "российско-грузинский диалог продолжается", speaker: { text: "пресс-службе" } },
      { paragraph: 3, text: "Благодаря этому были достигнуты некоторые результаты в торговой и гуманитарной областях", speaker: { text: "Кремле" } },
    ],
  };
}
