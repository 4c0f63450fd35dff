import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

import { assertImportable, buildArticle, formatCount, resolveLimits, toHttpUrl, toIsoDateTime } from "./article";
import { ImportError } from "./errors";
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
const NON_TEXT = new Set([
  "script", "style", "iframe", "frame", "frameset", "noscript", "template", "object", "embed",
  "applet", "svg", "canvas", "audio", "video", "button", "select", "textarea", "input", "dialog",
]);

const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Elements removed before extraction: non-text content and anything marked invisible. */
function isNonText(element: Element): boolean {
  const tag = element.localName;
  // Readability reads JSON-LD metadata (headline, author, date) from these scripts; they are
  // inert because jsdom runs no scripts, and they are dropped before any text is read.
  if (tag === "script") return element.getAttribute("type") !== "application/ld+json";
  return (
    NON_TEXT.has(tag) ||
    element.hasAttribute("hidden") ||
    element.getAttribute("aria-hidden") === "true" ||
    INLINE_HIDDEN.test(element.getAttribute("style") ?? "")
  );
}

/**
 * Visits `root` and its descendant elements in document order with their depth, descending
 * only where `visit` returns true. Iterative, and walks sibling links because CSS selectors
 * (nwsapi) and indexing jsdom's HTMLCollection both cost far more on large pages.
 */
function walkElements(root: Element, visit: (element: Element, depth: number) => boolean): void {
  const stack: Array<[Element, number]> = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    if (!visit(element, depth)) continue;
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
      stack.push([child, depth + 1]);
    }
  }
}

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
      for (let child = parent.firstChild; child; child = child.nextSibling) {
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

/** First `content` of each `<meta>` by its property, name or itemprop (lowercased). */
function readMetaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  walkElements(document.documentElement, (element) => {
    if (element.localName !== "meta") return true;
    const key = (element.getAttribute("property") ?? element.getAttribute("name") ?? element.getAttribute("itemprop"))?.trim().toLowerCase();
    const content = element.getAttribute("content")?.trim();
    if (key && content && !tags.has(key)) tags.set(key, content);
    return false;
  });
  return tags;
}

function canonicalHref(document: Document): string | undefined {
  let href: string | undefined;
  walkElements(document.documentElement, (element) => {
    if (href === undefined && element.localName === "link" && /(?:^|\s)canonical(?:\s|$)/i.test(element.getAttribute("rel") ?? "")) {
      href = element.getAttribute("href") ?? undefined;
    }
    return href === undefined;
  });
  return href;
}

/** Facts the page states about itself, read before Readability rewrites the document. */
function readPageMetadata(document: Document) {
  const meta = readMetaTags(document);
  const canonical = canonicalHref(document);
  const articleAuthor = meta.get("article:author");
  return {
    title: normalizeInline(document.title) || meta.get("og:title"),
    // article:author is often a profile URL rather than a name.
    author: meta.get("author") ?? (articleAuthor && !toHttpUrl(articleAuthor) ? articleAuthor : undefined),
    source: meta.get("og:site_name"),
    publishedAt: meta.get("article:published_time") ?? meta.get("datepublished"),
    sourceUrl: (canonical && toHttpUrl(canonical, document.baseURI)) || meta.get("og:url"),
    language: canonicalLanguageTag(document.documentElement.getAttribute("lang") ?? ""),
  };
}

function removeElements(root: Element, shouldRemove: (element: Element) => boolean): void {
  const doomed: Element[] = [];
  walkElements(root, (element) => {
    if (!shouldRemove(element)) return true;
    doomed.push(element);
    return false;
  });
  for (const element of doomed) element.remove();
}

/*
 * jsdom needs time quadratic in nesting depth to build the tree (4,000 nested divs take
 * about 4 s) and overflows the stack at about 10,000, so such markup is refused before
 * parsing. Real pages nest a few dozen levels.
 */
const MAX_HTML_DEPTH = 1_000;
const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
// End tags the parser infers: leaving them out does not nest content.
const OPTIONAL_END_TAGS = new Set([
  "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
  "tbody", "td", "tfoot", "th", "thead", "tr",
]);
const RAW_TEXT_TAGS = new Set(["iframe", "noembed", "noframes", "script", "style", "textarea", "title", "xmp"]);

/**
 * Approximates the parser's open-element stack with a tag scan: true if it would grow beyond
 * `limit`. End tags without a matching open element are ignored, as the parser does, so
 * they cannot hide the depth.
 */
function nestsDeeperThan(html: string, limit: number): boolean {
  const tagPattern = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;
  const open: string[] = [];
  const openCount = new Map<string, number>();
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    const [tag, closing, rawName] = match;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (closing) {
      if (!openCount.get(name)) continue;
      for (let popped = open.pop(); popped !== undefined; popped = open.pop()) {
        openCount.set(popped, (openCount.get(popped) ?? 1) - 1);
        if (popped === name) break;
      }
    } else if (RAW_TEXT_TAGS.has(name)) {
      // Their content is text, not tags: jump past the end tag.
      const endTag = new RegExp(`</${name}`, "gi");
      endTag.lastIndex = tagPattern.lastIndex;
      tagPattern.lastIndex = endTag.exec(html)?.index ?? html.length;
    } else if (!VOID_TAGS.has(name) && !OPTIONAL_END_TAGS.has(name)) {
      // "<div/>" opens a div in HTML; "/>" only closes SVG and MathML elements.
      const foreign = name === "svg" || name === "math" || Boolean(openCount.get("svg") || openCount.get("math"));
      if (tag.endsWith("/>") && foreign) continue;
      open.push(name);
      openCount.set(name, (openCount.get(name) ?? 0) + 1);
      if (open.length > limit) return true;
    }
  }
  return false;
}

/*
 * Readability's running time grows with the number of elements and roughly quadratically
 * with nesting depth (400 nested divs take about 9 s). Pages beyond these bounds, which real
 * articles stay well within, skip it and use the linear whole-body walk instead.
 */
const MAX_READABILITY_ELEMENTS = 20_000;
const MAX_READABILITY_DEPTH = 100;

function tooComplexForReadability(document: Document): boolean {
  let elements = 0;
  let tooDeep = false;
  walkElements(document.documentElement, (_element, depth) => {
    elements += 1;
    tooDeep ||= depth > MAX_READABILITY_DEPTH;
    return !tooDeep;
  });
  return tooDeep || elements > MAX_READABILITY_ELEMENTS;
}

const EMPTY_HTML_MESSAGE = "No readable article text was found in this HTML page.";

/**
 * Extracts the main article from an HTML page as plain text. Readability picks the article
 * (falling back to the whole body when it finds nothing or the page is too large or deeply
 * nested for it to finish quickly); scripts, styles, frames, templates,
 * media, form widgets and hidden elements are removed first, and only text node data is read,
 * so the output never contains markup. Blocks (p, h1–h6, blockquote, li, pre, div with direct
 * text…) become paragraphs. The title is `meta.title`, else Readability's, `<title>` or
 * og:title; author, source (og:site_name), publication date, canonical URL and `<html lang>`
 * come from the page when the caller does not supply them. No script runs and nothing is
 * fetched. Rejects with ImportError: EMPTY, TOO_LARGE (also for absurdly deep nesting),
 * TOO_MANY_PARAGRAPHS or BINARY.
 */
export async function parseHtml(
  html: string,
  meta: ArticleMetadata & { url?: string } = {},
  limits?: Partial<ImportLimits>,
): Promise<ParsedArticle> {
  const resolved = resolveLimits(limits);
  assertImportable(html, resolved);
  if (nestsDeeperThan(html, MAX_HTML_DEPTH)) {
    throw new ImportError(
      `The HTML is nested too deeply to import (more than ${formatCount(MAX_HTML_DEPTH)} levels of elements).`,
      "TOO_LARGE",
    );
  }

  const pageUrl = meta.url ? toHttpUrl(meta.url) : undefined;
  // A bare VirtualConsole swallows jsdom's CSS and parse warnings instead of printing them.
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(pageUrl ? { url: pageUrl } : {}) });
  try {
    const document = dom.window.document;
    const page = readPageMetadata(document);
    removeElements(document.documentElement, isNonText);
    // Kept for the fallback; its JSON-LD scripts go too, so the copy holds only page text.
    const body = document.body.cloneNode(true) as HTMLElement;
    removeElements(body, (element) => element.localName === "script");

    const article = tooComplexForReadability(document)
      ? null
      : new Readability<Node>(document, { serializer: (node) => node }).parse();
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

    return await buildArticle({
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
