import { ANNO_CONTEXT } from "@/lib/annotations/w3c";

/**
 * A W3C highlight on the first occurrence of `words` in paragraph 1 of an article whose text is
 * `text`, as a protocol client or an imported file gives it: a CssSelector refined by a quote, and
 * the same refined by a position.
 */
export function w3cHighlight(article: { base: string; slug: string; text: string }, words: string, extra: Record<string, unknown> = {}) {
  const start = article.text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the test article.`);
  return {
    "@context": ANNO_CONTEXT,
    type: "Annotation",
    motivation: "highlighting",
    target: {
      source: `${article.base}/articles/${article.slug}#p-1`,
      selector: [
        { type: "CssSelector", value: "#p-1", refinedBy: { type: "TextQuoteSelector", exact: words } },
        { type: "CssSelector", value: "#p-1", refinedBy: { type: "TextPositionSelector", start, end: start + words.length } },
      ],
    },
    ...extra,
  };
}
