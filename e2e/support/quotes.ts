import type { Page } from "@playwright/test";
import { callApi, selectorOf, type AnnotationDTO, type SampleArticle } from "./reader";
import { expect } from "./users";

/** The sample's quote in paragraph 2, said by the Kremlin's press service (“Разделяем высказанную … их разрыва”). */
export const PRESS_SERVICE_QUOTE = {
  paragraph: 2,
  phrase:
    "Разделяем высказанную в письме озабоченность нынешним состоянием двусторонних связей и призыв в пользу их улучшения. Россия всегда выступала за конструктивные отношения с Грузией. Как известно, не мы были инициаторами их разрыва",
};

/** Creates a quote through the API as `page`'s user, its speaker an entity (`speakerId`) or a new name and type. */
export async function createQuote(
  page: Page,
  article: SampleArticle,
  input: { paragraph: number; phrase: string; speaker: { speakerId: string } | { speakerName: string; speakerTypeId: string }; visibility?: "SHARED" | "PRIVATE" },
): Promise<AnnotationDTO> {
  const answer = await callApi<AnnotationDTO>(page, "POST", `/api/articles/${article.articleId}/annotations`, {
    kind: "QUOTE",
    paragraphId: article.paragraphIds[input.paragraph - 1],
    ...selectorOf(input.paragraph, input.phrase),
    ...input.speaker,
    visibility: input.visibility ?? "SHARED",
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}
