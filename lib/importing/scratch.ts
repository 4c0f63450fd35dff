import { parseHtml } from "./index";
const cases = [
    "<p>Hello world.</p>",
    "Just text",
    "<html><head><title>T</title></head><body><div>Alpha beta gamma.</div><pre>  code\n    more</pre></body></html>",
    "<h1>Only heading</h1><p>Body text.</p>",
    "<table><tr><td><p>Layout cell para one.</p><p>Para two.</p></td></tr></table>",
    "<div>".repeat(500) + "deep text" + "</div>".repeat(500),
    "<div>".repeat(2000) + "deep text" + "</div>".repeat(2000),
];
for (const html of cases) {
  const t0 = Date.now();
  try { const a = parseHtml(html); console.log(Date.now()-t0, JSON.stringify({t: a.title, l: a.language, p: a.paragraphs}).slice(0,300)); } catch (e) { console.log("ERR", (e as Error).message.slice(0, 200)); }
}
