import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

import { assertImportable, buildArticle, resolveLimits, toHttpUrl, toIsoDateTime } from "./article";
import { canonicalLanguageTag } from "./language";
import { normalizeInline, normalizePreformatted } from "./normalize";
import type { ArticleMetadata, ImportLimits, ParagraphKind, ParsedArticle, ParsedParagraph } from "./types";

// DOM node types as numbers: the Node global does not exist on the server.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/*
 * Elements whose content is code, embedded documents, media fallbacks or form widgets, never
 * article text. They are removed before extraction and skipped again by the walker, so
 * nothing inside them can leak into the output whatever Readability does.
 */
const NON_TEXT_TAGS = [
  "script", "style", "iframe", "frame", "frameset", "noscript", "template", "object", "embed",
  "applet", "svg", "canvas", "audio", "video", "button", "select", "textarea", "input", "dialog",
];
const NON_TEXT = new Set(NON_TEXT_TAGS);

// Readability reads JSON-LD metadata (headline, author, date) from these scripts; they are
// inert because jsdom runs no scripts, and the walker skips them.
const REMOVED_SELECTOR = [
  ...NON_TEXT_TAGS.map((tag) => (tag === "script" ? 'script:not([type="application/ld+json"])' : tag)),
  "[hidden]",
  '[aria-hidden="true"]',
].join(", ");
const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/* Elements that start a new block; everything else is inline and joins the surrounding text. */
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "ul",
]);

// Beyond this nesting the walker stops recursing and takes textContent, which jsdom computes
// iteratively, so hostile deeply nested markup cannot overflow the stack.
const MAX_WALK_DEPTH = 200;

function kindOf(tag: string, inherited: ParagraphKind): ParagraphKind {
  // Everything inside a quotation stays a quotation.
  if (inherited === "BLOCKQUOTE" || tag === "blockquote") return "BLOCKQUOTE";
  if (/^h[1-6]$/.test(tag)) return "HEADING";
  if (tag === "li") return "LIST_ITEM";
  return inherited;
}

/**
 * Splits `root` into text blocks. Text directly inside a block element (including a `div`
 * with direct text) becomes one block; `<br>` is a line break; only text node data is read,
 * so no markup or attribute (event handlers, `javascript:` URLs) can reach the output.
 */
function extractBlocks(root: Element): ParsedParagraph[] {
  const blocks: ParsedParagraph[] = [];

  const visitBlock = (element: Element, inherited: ParagraphKind, inPre: boolean, depth: number): void => {
    const kind = kindOf(element.localName, inherited);
    const preformatted = inPre || element.localName === "pre";
    let buffer = "";
    const flush = (): void => {
      const text = preformatted ? normalizePreformatted(buffer) : normalizeInline(buffer);
      if (text) blocks.push({ kind, text });
      buffer = "";
    };
    const visitChildren = (parent: Node, level: number): void => {
      for (const child of Array.from(parent.childNodes)) {
        if (child.nodeType === TEXT_NODE) {
          buffer += child.nodeValue ?? "";
        } else if (child.nodeType === ELEMENT_NODE) {
          const tag = (child as Element).localName;
          if (NON_TEXT.has(tag)) continue;
          if (level > MAX_WALK_DEPTH) buffer += ` ${child.textContent ?? ""} `;
          else if (tag === "br") buffer += "\n";
          else if (BLOCK_TAGS.has(tag)) {
            flush();
            visitBlock(child as Element, kind, preformatted, level + 1);
          } else visitChildren(child, level + 1);
        }
      }
    };
    visitChildren(element, depth);
    flush();
  };

  visitBlock(root, "PARAGRAPH", false, 0);
  return blocks;
}

function metaContent(document: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Facts the page states about itself, read before Readability rewrites the document. */
function readPageMetadata(document: Document) {
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute("href");
  const articleAuthor = metaContent(document, 'meta[property="article:author"]');
  return {
    title: normalizeInline(document.title) || metaContent(document, 'meta[property="og:title"]'),
    // article:author is often a profile URL rather than a name.
    author: metaContent(document, 'meta[name="author" i]') ?? (articleAuthor && !toHttpUrl(articleAuthor) ? articleAuthor : undefined),
    source: metaContent(document, 'meta[property="og:site_name"]'),
    publishedAt: metaContent(document, 'meta[property="article:published_time"]', 'meta[itemprop="datePublished"]'),
    sourceUrl: (canonical && toHttpUrl(canonical, document.baseURI)) || metaContent(document, 'meta[property="og:url"]'),
    language: canonicalLanguageTag(document.documentElement.getAttribute("lang") ?? ""),
  };
}

function removeNonText(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(REMOVED_SELECTOR))) element.remove();
  for (const element of Array.from(document.querySelectorAll("[style]"))) {
    if (INLINE_HIDDEN.test(element.getAttribute("style") ?? "")) element.remove();
  }
}

const EMPTY_HTML_MESSAGE = "No readable article text was found in this HTML page.";

/**
 * Extracts the main article from an HTML page as plain text. Readability picks the article
 * (falling back to the whole body when it finds nothing); scripts, styles, frames, templates,
 * media, form widgets and hidden elements are removed first, and only text node data is read,
 * so the output never contains markup. Blocks (p, h1–h6, blockquote, li, pre, div with direct
 * text…) become paragraphs. The title is `meta.title`, else Readability's, `<title>` or
 * og:title; author, source (og:site_name), publication date, canonical URL and `<html lang>`
 * come from the page when the caller does not supply them. No script runs and nothing is
 * fetched. Throws ImportError with EMPTY, TOO_LARGE, TOO_MANY_PARAGRAPHS or BINARY.
 */
export function parseHtml(
  html: string,
  meta: ArticleMetadata & { url?: string } = {},
  limits?: Partial<ImportLimits>,
): ParsedArticle {
  const resolved = resolveLimits(limits);
  assertImportable(html, resolved);

  const pageUrl = meta.url ? toHttpUrl(meta.url) : undefined;
  // A bare VirtualConsole swallows jsdom's CSS and parse warnings instead of printing them.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(pageUrl ? { url: pageUrl } : {}) });
  try {
    const document = dom.window.document;
    const page = readPageMetadata(document);
    removeNonText(document);
    const body = document.body.cloneNode(true) as HTMLElement;

    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    let blocks = article?.content ? extractBlocks(article.content as Element) : [];
    if (blocks.length === 0) blocks = extractBlocks(body);

    const pagePublished = page.publishedAt ?? article?.publishedTime;
    const merged: ArticleMetadata = {
      title: meta.title,
      language: meta.language,
      author: meta.author ?? page.author ?? article?.byline ?? undefined,
      source: meta.source ?? page.source ?? article?.siteName ?? undefined,
      // Page-supplied values are guesses: invalid ones are dropped silently, unlike the caller's.
      publishedAt: meta.publishedAt ?? (pagePublished ? toIsoDateTime(pagePublished) : undefined),
      sourceUrl: meta.sourceUrl ?? pageUrl ?? (page.sourceUrl ? toHttpUrl(page.sourceUrl) : undefined),
    };

    return buildArticle({
      paragraphs: blocks,
      foundTitle: article?.title || page.title,
      meta: merged,
      fallbackLanguage: page.language,
      limits: resolved,
      emptyMessage: EMPTY_HTML_MESSAGE,
    });
  } finally {
    dom.window.close();
  }
}
