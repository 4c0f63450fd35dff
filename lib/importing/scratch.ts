import { parseHtml } from "./index";
const cases = [
    "<div>".repeat(900) + "deep text" + "</div>".repeat(900),
    "<div>".repeat(20000) + "deeper text" + "</div>".repeat(20000),
    "<div>".repeat(20000) + "</span>".repeat(20000),
    "<p>x".repeat(5000) + "<li>y".repeat(5000) + "<br><img src=x>".repeat(5000) + "<script>" + "<div>".repeat(5000) + "</script><p>Visible.</p>",
    "<article>" + "<p>Some sentence text here that is long enough.</p>".repeat(19000) + "</article>",
];
for (const html of cases) {
  const t0 = Date.now();
  try { const a = parseHtml(html); console.log(Date.now()-t0, JSON.stringify({t: a.title, l: a.language, n: a.paragraphs.length, p: a.paragraphs}).slice(0,200)); } catch (e) { console.log(Date.now()-t0, "ERR", (e as Error).message.slice(0, 200)); }
}
