/*
 * Labelled quotes as data, shared by the unit tests and the benchmark (Apache Annotator keeps its
 * match cases in a module of their own for the same reason). Gold spans are written as the words
 * themselves, not offsets, so a case stays readable and an edit to its text cannot silently shift
 * a label: `resolveArticle` finds them and throws when a label is missing or ambiguous.
 */

/** Where a span sits: paragraph index and UTF-16 offsets. */
export interface Span {
  paragraph: number;
  start: number;
  end: number;
}

/** Words located by their text: the `nth` (0-based) occurrence in `paragraph`. */
export interface TextLabel {
  text: string;
  /** Defaults to the quote's own paragraph for a speaker. */
  paragraph?: number;
  nth?: number;
}

/** One true quotation: the words between the marks, and who said them. */
export interface LabelledQuote extends TextLabel {
  paragraph: number;
  /** The words naming the speaker nearest to the quote; for a pronoun, the name it stands for. */
  speaker?: Omit<TextLabel, "paragraph"> & { paragraph?: number };
}

/** An article's paragraphs with every true quote in them; anything else in marks is not a quote. */
export interface LabelledArticle {
  id: string;
  language: "ru" | "en";
  paragraphs: string[];
  quotes: LabelledQuote[];
}

export interface ResolvedQuote extends Span {
  speaker?: Span;
}

function locate(paragraphs: readonly string[], label: TextLabel & { paragraph: number }, what: string): Span {
  const text = paragraphs[label.paragraph];
  if (text === undefined) throw new Error(`${what}: no paragraph ${label.paragraph}`);
  const nth = label.nth ?? 0;
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(label.text, start + 1);
    if (start === -1) throw new Error(`${what}: "${label.text}" #${nth} not in paragraph ${label.paragraph}`);
  }
  if (label.nth === undefined && text.indexOf(label.text, start + 1) !== -1) {
    throw new Error(`${what}: "${label.text}" occurs more than once in paragraph ${label.paragraph}; say which (nth)`);
  }
  return { paragraph: label.paragraph, start, end: start + label.text.length };
}

/** The article's gold quotes as offsets; throws when a label does not match its text exactly once. */
export function resolveArticle(article: LabelledArticle): ResolvedQuote[] {
  return article.quotes.map((quote) => {
    const what = `${article.id}, quote "${quote.text.slice(0, 30)}"`;
    const span = locate(article.paragraphs, quote, what);
    if (!quote.speaker) return span;
    const speaker = locate(article.paragraphs, { ...quote.speaker, paragraph: quote.speaker.paragraph ?? quote.paragraph }, `${what}, speaker`);
    return { ...span, speaker };
  });
}
