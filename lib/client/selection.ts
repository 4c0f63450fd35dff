import { describeRange, trimRange, type RangeSelector } from "@/lib/anchoring";

/** A selection cut to one paragraph, as W3C selectors on that paragraph's text. */
export interface ParagraphSelection extends RangeSelector {
  paragraphId: string;
  position: number;
}

const PARAGRAPH_SELECTOR = "[data-paragraph-id]";

/**
 * Turns a browser Range inside the article into one selection per paragraph
 * it touches (a selection across paragraphs is split, never truncated), each
 * trimmed to whole words. Ranges outside paragraph text give [].
 */
export function rangeToParagraphSelections(range: Range, root: Element): ParagraphSelection[] {
  const paragraphs = [...root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)].filter((element) => range.intersectsNode(element));
  const selections: ParagraphSelection[] = [];
  for (const element of paragraphs) {
    const text = element.textContent ?? "";
    const start = element.contains(range.startContainer) ? offsetWithin(element, range.startContainer, range.startOffset) : 0;
    const end = element.contains(range.endContainer) ? offsetWithin(element, range.endContainer, range.endOffset) : text.length;
    const trimmed = trimRange(text, Math.min(start, end), Math.max(start, end));
    if (!trimmed) continue;
    selections.push({
      ...describeRange(text, trimmed.start, trimmed.end),
      paragraphId: element.dataset.paragraphId!,
      position: Number(element.dataset.position),
    });
  }
  return selections;
}

/** Whether two lists of paragraph selections name the same words. */
export function sameSelections(a: ParagraphSelection[], b: ParagraphSelection[]): boolean {
  return a.length === b.length && a.every((selection, index) => selection.paragraphId === b[index]!.paragraphId && selection.start === b[index]!.start && selection.end === b[index]!.end);
}

/**
 * The DOM Range over paragraph selections (from the first's start to the last's end), in the
 * text nodes the paragraphs have now, whatever marks cut them into; null when a paragraph is not
 * on the page. The reverse of rangeToParagraphSelections, for putting a selection back on its words.
 */
export function paragraphSelectionsToRange(selections: ParagraphSelection[], root: Element): Range | null {
  const first = selections[0];
  const last = selections.at(-1);
  if (!first || !last) return null;
  const start = boundaryAt(root, first.paragraphId, first.start, false);
  const end = boundaryAt(root, last.paragraphId, last.end, true);
  if (!start || !end) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  return range;
}

/**
 * The DOM boundary point at `offset` in a paragraph's text: a start in the text node that holds the
 * character at `offset`, an end in the one that holds the character before it, so a range does not
 * reach into the mark before or after its words.
 */
function boundaryAt(root: Element, paragraphId: string, offset: number, isEnd: boolean): [Node, number] | null {
  const paragraph = [...root.querySelectorAll<HTMLElement>(PARAGRAPH_SELECTOR)].find((element) => element.dataset.paragraphId === paragraphId);
  if (!paragraph) return null;
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (offset < total + length || (isEnd && offset === total + length && length > 0)) return [node, offset - total];
    total += length;
  }
  return offset === total ? [paragraph, paragraph.childNodes.length] : null;
}

/** The offset, in UTF-16 code units of the paragraph's text, of a DOM boundary point inside it. */
function offsetWithin(paragraph: Element, container: Node, offset: number): number {
  if (container.nodeType !== Node.TEXT_NODE) {
    // A boundary between child nodes: count the text of the children before it.
    let total = 0;
    const children = container.childNodes;
    for (let index = 0; index < offset && index < children.length; index++) total += children[index]!.textContent?.length ?? 0;
    return total + textBefore(paragraph, container);
  }
  return textBefore(paragraph, container) + offset;
}

function textBefore(paragraph: Element, node: Node): number {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current === node || node.contains(current)) return total;
    if (node.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING) return total;
    total += current.textContent?.length ?? 0;
  }
  return total;
}
