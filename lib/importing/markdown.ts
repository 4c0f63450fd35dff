import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

import { assertImportable, buildArticle, resolveLimits } from "./article";
import { cleanCharacters, normalizeInline, normalizePreformatted } from "./normalize";
import type { ArticleMetadata, ImportLimits, ParagraphKind, ParsedArticle, ParsedParagraph } from "./types";

interface Block extends ParsedParagraph {
  /** Heading level, only for top-level headings (candidates for the title). */
  depth?: number;
}

interface Walk {
  blocks: Block[];
  skippedHtml: boolean;
}

/**
 * Plain text of inline content. Raw HTML, images and footnote markers are dropped: they are
 * markup or decoration, not words of the article. Hard line breaks become spaces later.
 */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return "\n";
    case "html":
    case "image":
    case "imageReference":
    case "footnoteReference":
      return "";
  }
  if (!("children" in node)) return "";
  let text = "";
  for (const child of node.children) text += inlineText(child);
  return text;
}

/**
 * Appends the blocks of `nodes` in reading order. `context` is set inside block quotes
 * (everything quoted stays BLOCKQUOTE) and list items.
 */
function collect(nodes: RootContent[], context: ParagraphKind | undefined, walk: Walk): void {
  for (const node of nodes) {
    switch (node.type) {
      case "heading":
        walk.blocks.push({
          kind: context ?? "HEADING",
          text: normalizeInline(inlineText(node)),
          ...(context ? {} : { depth: node.depth }),
        });
        break;
      case "paragraph":
        walk.blocks.push({ kind: context ?? "PARAGRAPH", text: normalizeInline(inlineText(node)) });
        break;
      case "code":
        walk.blocks.push({ kind: context ?? "PARAGRAPH", text: normalizePreformatted(node.value) });
        break;
      case "blockquote":
        collect(node.children, "BLOCKQUOTE", walk);
        break;
      case "list":
        for (const item of node.children) {
          // An item's own paragraphs form one LIST_ITEM; nested lists and other blocks follow it.
          const own = item.children.filter((child) => child.type === "paragraph" || child.type === "heading");
          const rest = item.children.filter((child) => child.type !== "paragraph" && child.type !== "heading");
          const text = normalizeInline(own.map(inlineText).join(" "));
          walk.blocks.push({ kind: context === "BLOCKQUOTE" ? "BLOCKQUOTE" : "LIST_ITEM", text });
          collect(rest, context, walk);
        }
        break;
      case "table":
        for (const row of node.children) {
          const text = row.children.map((cell) => normalizeInline(inlineText(cell))).filter(Boolean).join(" | ");
          walk.blocks.push({ kind: context ?? "PARAGRAPH", text });
        }
        break;
      case "footnoteDefinition":
        collect(node.children, context, walk);
        break;
      case "html":
        walk.skippedHtml = true;
        break;
      default:
        // thematicBreak, definition: layout and link targets carry no article text.
        break;
    }
  }
}

/**
 * Parses Markdown (CommonMark + GFM) into plain-text blocks: headings become HEADING,
 * block quotes BLOCKQUOTE, list items LIST_ITEM, table rows and code blocks PARAGRAPH.
 * Emphasis, links and inline code are reduced to their text; raw HTML blocks are skipped
 * (with a warning). The first top-level `#` heading becomes the title unless `meta.title`
 * is given. Rejects with ImportError: EMPTY, TOO_LARGE, TOO_MANY_PARAGRAPHS or BINARY.
 */
export async function parseMarkdown(input: string, meta: ArticleMetadata = {}, limits?: Partial<ImportLimits>): Promise<ParsedArticle> {
  const resolved = resolveLimits(limits);
  assertImportable(input, resolved);

  // Only characters are cleaned up front: indentation and trailing spaces are Markdown syntax.
  const tree = fromMarkdown(cleanCharacters(input), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  const walk: Walk = { blocks: [], skippedHtml: false };
  collect(tree.children, undefined, walk);

  let foundTitle: string | undefined;
  if (!meta.title?.trim()) {
    const h1 = walk.blocks.findIndex((block) => block.depth === 1);
    if (h1 !== -1) foundTitle = walk.blocks.splice(h1, 1)[0]?.text;
  }

  return buildArticle({
    paragraphs: walk.blocks.map(({ kind, text }) => ({ kind, text })),
    foundTitle,
    meta,
    limits: resolved,
    warnings: walk.skippedHtml ? ["Raw HTML blocks in the Markdown were skipped; import the page as HTML to keep their text."] : [],
  });
}
