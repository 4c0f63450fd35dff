/**
 * Progress of a streamed export, counted by the browser in the text as it arrives, against the
 * total the server announces (a header) before the first byte. Each format is counted in the
 * unit its writer emits a recognisable mark for, so no byte count has to be guessed:
 *
 * - `articles` for Markdown (the rule between digests), CoNLL (`-DOCSTART-`), doccano and spaCy
 *   (one line per article; JSON escapes every newline inside a line);
 * - `rows` for CSV (a record end is a line break outside double quotes, RFC 4180; the header
 *   is not counted);
 * - `annotations` for W3C JSON-LD (each item starts a line with `{`: the writer puts one per line).
 */

export type ProgressUnit = "articles" | "rows" | "annotations";

type CountedFormat = "w3c" | "csv" | "markdown" | "conll" | "doccano" | "spacy";

/** The unit each format's progress is counted in. */
export const PROGRESS_UNITS: Record<CountedFormat, ProgressUnit> = {
  w3c: "annotations",
  csv: "rows",
  markdown: "articles",
  conll: "articles",
  doccano: "articles",
  spacy: "articles",
};

/** Counts a mark across chunk boundaries; `offset` is added to the count (a first article that has no mark before it). */
function markCounter(mark: string, offset = 0): (chunk: string) => number {
  let tail = "";
  let seen = 0;
  let started = false;
  return (chunk) => {
    const text = tail + chunk;
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + mark.length)) seen++;
    // Keep what could be the start of a mark cut by the chunk boundary, never a whole one.
    tail = text.slice(Math.max(0, text.length - mark.length + 1));
    if (chunk.length > 0) started = true;
    return started ? seen + offset : 0;
  };
}

/** CSV records ended so far, not counting the header: line feeds outside quoted fields. */
function csvRowCounter(): (chunk: string) => number {
  let quoted = false;
  let lines = 0;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code === 34) quoted = !quoted;
      else if (code === 10 && !quoted) lines++;
    }
    return Math.max(0, lines - 1);
  };
}

/**
 * A counter for one export: feed it each decoded chunk in order; it answers how many units of
 * the format's {@link PROGRESS_UNITS} have arrived so far (Markdown and CoNLL count an article
 * once it has begun, the others once it is complete).
 */
export function progressCounter(format: CountedFormat): (chunk: string) => number {
  switch (format) {
    case "w3c":
      return markCounter("\n{");
    case "csv":
      return csvRowCounter();
    case "markdown":
      // Digests are separated by a rule on a line of its own; the first has none before it.
      return markCounter("\n---\n\n", 1);
    case "conll":
      return markCounter("-DOCSTART- -X- -X- O\n");
    case "doccano":
    case "spacy":
      return markCounter("\n");
  }
}
