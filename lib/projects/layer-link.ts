/**
 * Links that open an article in one project layer. A search hit on an annotation or note of a
 * project layer links through `/articles/<slug>/layer/<projectId>`, which remembers that layer as the
 * reader's newest **Project layer** choice (the glossa-layers cookie, as the combobox does) when they
 * may read it, and sends them on to the article: so the page, its text and annotation APIs, the live
 * feed and their new work all follow the one choice. Pure: used by pages and tests alike.
 */

/** The link to `anchor` (`p-3`, `a-<id>`) of an article, in `layer` when given (null: the reader's current layer). */
export function articleHref(slug: string, anchor: string, layer: string | null): string {
  const article = `/articles/${encodeURIComponent(slug)}`;
  return layer ? `${article}/layer/${encodeURIComponent(layer)}#${anchor}` : `${article}#${anchor}`;
}
