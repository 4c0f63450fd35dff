/**
 * Pairs quotation marks in one paragraph and returns the outermost quoted stretches. Nested
 * marks („лапки“ inside «ёлочки», 'single' inside "double") belong to the quote around them and
 * are not returned on their own. Apostrophes (don't, O'Brien, company's) are told apart from
 * single quotes by the letters on both sides.
 */

export type MarkStyle = "guillemet" | "curly" | "straight" | "single";

export interface QuotedStretch {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph's length when a paragraph-opening quote runs on unclosed. */
  close: number;
  /** The words between the marks: [start, end). */
  start: number;
  end: number;
  style: MarkStyle;
  /** False for a quote opened at the paragraph's start and never closed (a quote running on into the next paragraph). */
  closed: boolean;
}

type Opener = { index: number; closes: string; style: MarkStyle };

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// What may stand right before an opening mark: nothing, space, an opening bracket, a dash or another opening mark.
const BEFORE_OPENING = /[\s([{\-–—/«„“‘"']/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && LETTER_OR_DIGIT.test(char);
}

function canOpen(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  return (before === undefined || BEFORE_OPENING.test(before)) && after !== undefined && !/\s/.test(after);
}

function canClose(text: string, index: number): boolean {
  const before = text[index - 1];
  return before !== undefined && !/\s/.test(before) && !isWordChar(text[index + 1]);
}

/** The outermost quoted stretches of `text`, in order. */
export function findQuotedStretches(text: string): QuotedStretch[] {
  const found: QuotedStretch[] = [];
  const stack: Opener[] = [];

  const closeTo = (depth: number, index: number) => {
    const opener = stack[depth]!;
    stack.length = depth;
    // A single quote left open below ("the '90s") was an apostrophe after all: it must not hide the quote.
    while (stack.length && stack[stack.length - 1]!.style === "single" && opener.style !== "single") stack.pop();
    if (stack.length === 0) found.push({ open: opener.index, close: index, start: opener.index + 1, end: index, style: opener.style, closed: true });
  };
  const openerClosedBy = (char: string): number => {
    for (let depth = stack.length - 1; depth >= 0; depth--) if (stack[depth]!.closes.includes(char)) return depth;
    return -1;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    switch (char) {
      case "«":
        stack.push({ index: i, closes: "»", style: "guillemet" });
        break;
      case "„":
        stack.push({ index: i, closes: "“”", style: "curly" });
        break;
      case "»":
      case "”": {
        const depth = openerClosedBy(char);
        if (depth !== -1) closeTo(depth, i);
        break;
      }
      case "“": {
        // Closes „…“ (Russian and German inner quotes); otherwise opens English-style “…”.
        const top = stack[stack.length - 1];
        if (top?.closes === "“”" && text[top.index] === "„") closeTo(stack.length - 1, i);
        else stack.push({ index: i, closes: "”", style: "curly" });
        break;
      }
      case '"': {
        const depth = openerClosedBy('"');
        if (depth !== -1 && (canClose(text, i) || !canOpen(text, i))) closeTo(depth, i);
        else if (canOpen(text, i)) stack.push({ index: i, closes: '"', style: "straight" });
        break;
      }
      case "‘":
        if (!isWordChar(text[i - 1])) stack.push({ index: i, closes: "’", style: "single" });
        break;
      case "’":
      case "'": {
        // Between two letters it is an apostrophe; a closing single quote has no letter after it.
        if (isWordChar(text[i - 1]) && isWordChar(text[i + 1])) break;
        const depth = openerClosedBy(char);
        if (depth !== -1 && canClose(text, i)) closeTo(depth, i);
        else if (char === "'" && !isWordChar(text[i - 1]) && canOpen(text, i)) stack.push({ index: i, closes: "'", style: "single" });
        break;
      }
    }
  }

  // A quote opened at the paragraph's start and never closed runs to its end (the English
  // convention for a quotation that continues into the next paragraph).
  const first = stack[0];
  if (first && first.index === 0 && first.style !== "single") {
    found.push({ open: 0, close: text.length, start: 1, end: text.trimEnd().length, style: first.style, closed: false });
  }
  return found;
}
