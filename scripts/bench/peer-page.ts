/**
 * The peer side of the reader benchmark (issue 14, target 5): a page of the benchmark's own that
 * renders the same paragraphs and annotations with Recogito's text annotation library
 * (@recogito/text-annotator, its default SPANS renderer), bundled here with esbuild (which tsx
 * brings). The page records, as a performance mark, when the annotations are set;
 * `window.benchHighlights()` counts the highlight spans painted, and `window.benchAddHighlight()`
 * adds one more and returns when it started. The benchmark watches the count from outside, as it
 * does for Glossa's page: a check looping on the page's own animation frames stopped being called
 * in this browser while Recogito's layer was already painted.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { build } from "esbuild";

export interface PeerDocument {
  paragraphs: string[];
  /** Spans by paragraph index and UTF-16 offsets within it, as Glossa stores them. */
  annotations: { id: string; paragraph: number; start: number; end: number }[];
}

/** Where each paragraph starts in the container's whole text (the page puts no whitespace between them). */
function paragraphStarts(paragraphs: string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const text of paragraphs) {
    starts.push(offset);
    offset += text.length;
  }
  return starts;
}

/** The annotations as Recogito takes them: one selector with offsets into the container's whole text. */
function recogitoAnnotations(peer: PeerDocument, paragraphStart: number[]) {
  return peer.annotations.map((annotation) => {
    const start = paragraphStart[annotation.paragraph]! + annotation.start;
    const end = paragraphStart[annotation.paragraph]! + annotation.end;
    const quote = peer.paragraphs[annotation.paragraph]!.slice(annotation.start, annotation.end);
    return { id: annotation.id, bodies: [], target: { annotation: annotation.id, selector: [{ quote, start, end }] } };
  });
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
// Inside <script>: "</script" and "<!--" in the data must not end or change it.
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/** The whole page: the paragraphs (no whitespace between them, so offsets add up), the bundle, the data, the timing. */
export async function peerPage(peer: PeerDocument): Promise<string> {
  const require = createRequire(import.meta.url);
  const css = await readFile(require.resolve("@recogito/text-annotator/text-annotator.css"), "utf8");
  // Imported as a browser would (its ES module build), not through require's UMD build.
  const bundle = await build({
    stdin: { contents: `export { createTextAnnotator } from "@recogito/text-annotator";`, resolveDir: import.meta.dirname, loader: "js" },
    bundle: true,
    format: "iife",
    globalName: "RecogitoText",
    platform: "browser",
    loader: { ".css": "empty" },
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.text;
  const starts = paragraphStarts(peer.paragraphs);
  // One new highlight: 30 characters of the first paragraph, in view (Recogito paints only the highlights in the viewport).
  const extra = { id: "bench-new", quote: peer.paragraphs[0]!.slice(40, 70), start: starts[0]! + 40 };
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Recogito text annotator: 2,000 paragraphs</title>
<style>${css} body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; } p { margin: 0 0 1em; }</style></head>
<body><main id="text">${peer.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("")}</main>
<script>${script}</script>
<script>
const annotations = ${scriptJson(recogitoAnnotations(peer, starts))};
window.benchHighlights = () => document.querySelectorAll(".r6o-span-highlight-layer .r6o-annotation").length;
let annotator;
// As Recogito's examples do: once the page has loaded (before it, its rectangles can be measured on a layout still changing).
addEventListener("load", () => {
  annotator = RecogitoText.createTextAnnotator(document.getElementById("text"));
  annotator.setAnnotations(annotations);
  performance.mark("peer:annotations-set");
});
window.benchAddHighlight = () => {
  const started = performance.now();
  annotator.addAnnotation({ id: "${extra.id}", bodies: [], target: { annotation: "${extra.id}", selector: [{ quote: ${scriptJson(extra.quote)}, start: ${extra.start}, end: ${extra.start + 30} }] } });
  return started;
};
</script></body></html>`;
}
