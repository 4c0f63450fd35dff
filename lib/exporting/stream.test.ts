import { describe, expect, it } from "vitest";
import { exportIris, streamConll, streamCsv, streamDoccano, streamMarkdown, streamSpacy, streamW3CCollection, type ArticleExport } from "./index";
import { article, BASE_URL, entityTag, highlight, paragraphs } from "./test-fixtures";

/** A synthetic article n with two paragraphs, a highlight and an entity tag. */
function synthetic(n: number): ArticleExport {
  const texts = [`Статья ${n}: Путин 👍 встретился с Алиевым.`, `Второй абзац статьи ${n}.`];
  const [p0] = paragraphs(...texts);
  return {
    article: article(`article-${n}`, texts),
    annotations: [highlight(p0!, "встретился", { id: `h${n}` }), entityTag(p0!, "Путин", "PER", { id: `e${n}` })],
    notes: [],
  };
}

/** A lazy source that records how far ahead of the consumer it has been read. */
function lazySource(count: number) {
  const state = { requested: 0 };
  async function* source() {
    for (let n = 0; n < count; n++) {
      state.requested++;
      yield synthetic(n);
    }
  }
  return { source: source(), state };
}

const writers = {
  w3c: (source: AsyncIterable<ArticleExport>) => streamW3CCollection(source, { iris: exportIris(BASE_URL), id: `${BASE_URL}/exports/all`, label: "All" }),
  csv: (source: AsyncIterable<ArticleExport>) => streamCsv(source),
  markdown: streamMarkdown,
  conll: streamConll,
  doccano: streamDoccano,
  spacy: streamSpacy,
};

describe("streaming", () => {
  it.each(Object.entries(writers))("%s writes each article before reading the next", async (_name, write) => {
    const { source, state } = lazySource(50);
    const chunks = write(source)[Symbol.asyncIterator]();
    // Skip any preamble (header, collection opening) that needs no article.
    let next = await chunks.next();
    while (!next.done && state.requested === 0) next = await chunks.next();
    for (let seen = 1; !next.done; seen++) {
      expect(state.requested).toBeLessThanOrEqual(seen);
      // The chunk is the article just read (by its slug, or its text for the Markdown digest).
      expect(String(next.value)).toMatch(new RegExp(`article-${state.requested - 1}\\b|Статья ${state.requested - 1}:`));
      next = await chunks.next();
      if (state.requested === 50) break;
    }
  });

  it("10,000 articles stream through every writer", async () => {
    for (const write of Object.values(writers)) {
      let bytes = 0;
      for await (const chunk of write(lazySource(10_000).source)) bytes += chunk.length;
      expect(bytes).toBeGreaterThan(10_000 * 50);
    }
  }, 60_000);
});
