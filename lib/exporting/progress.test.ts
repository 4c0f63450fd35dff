import { describe, expect, it } from "vitest";
import { exportIris, progressCounter, streamConll, streamCsv, streamDoccano, streamMarkdown, streamSpacy, streamW3CCollection, type ArticleExport } from "./index";
import { article, BASE_URL, entityTag, highlight, note, paragraphs } from "./test-fixtures";

/** Article n: its text has the marks a naive counter would miss or over-count (line breaks and a rule in a note, quotes, a comma). */
function doc(n: number): ArticleExport {
  const texts = [`Статья ${n}: «Путин», 👍 сказал "да", встретился.`, `---\n\nВторой абзац ${n}.`];
  const [p0] = paragraphs(...texts);
  const marked = highlight(p0!, "встретился", { id: `h${n}` });
  return {
    article: article(`article-${n}`, texts),
    annotations: [marked, entityTag(p0!, "Путин", "PER", { id: `e${n}` })],
    notes: [note(p0!, 'Строка\r\n---\n\n"кавычки", {скобки}\n{', { id: `n${n}`, annotationId: marked.id })],
  };
}

async function count(format: Parameters<typeof progressCounter>[0], chunks: AsyncIterable<string>, size: number) {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  const counter = progressCounter(format);
  let counted = 0;
  for (let at = 0; at < text.length; at += size) counted = counter(text.slice(at, at + size));
  return counted;
}

const docs = () => [doc(1), doc(2), doc(3)];

describe("progressCounter", () => {
  it.each([1, 2, 5, 1000])("counts each format's units whatever the chunk size (%i)", async (size) => {
    expect(await count("doccano", streamDoccano(docs()), size)).toBe(3);
    expect(await count("spacy", streamSpacy(docs()), size)).toBe(3);
    expect(await count("conll", streamConll(docs()), size)).toBe(3);
    expect(await count("markdown", streamMarkdown(docs()), size)).toBe(3);
    expect(await count("csv", streamCsv(docs(), { bom: true }), size)).toBe(6);
    expect(await count("w3c", streamW3CCollection(docs(), { iris: exportIris(BASE_URL), id: `${BASE_URL}/x`, label: "x" }), size)).toBe(6);
  });

  it("counts nothing before the first byte and nothing for an empty export but the CSV header", async () => {
    expect(progressCounter("markdown")("")).toBe(0);
    expect(await count("csv", streamCsv([]), 3)).toBe(0);
    expect(await count("w3c", streamW3CCollection([], { iris: exportIris(BASE_URL), id: `${BASE_URL}/x`, label: "x" }), 3)).toBe(0);
  });
});
