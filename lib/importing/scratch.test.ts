import { test } from "vitest";
import { parseHtml } from "./index";
test("scratch", () => {
  for (const html of [
    "<p>Hello world.</p>",
    "Just text",
    "<html><head><title>T</title></head><body><div>Alpha beta gamma.</div><pre>  code\n    more</pre></body></html>",
    "<h1>Only heading</h1><p>Body text.</p>",
    "<div>".repeat(5000) + "deep text" + "</div>".repeat(5000),
    "<table><tr><td><p>Layout cell para one.</p><p>Para two.</p></td></tr></table>",
  ]) {
    try { const a = parseHtml(html); console.log(JSON.stringify({t: a.title, l: a.language, p: a.paragraphs})); } catch (e) { console.log("ERR", (e as Error).message.slice(0, 200)); }
  }
});
