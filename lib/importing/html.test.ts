import { beforeAll, describe, expect, it } from "vitest";

import { type ParsedArticle, type ParsedParagraph, parseHtml } from "./index";

const STORY = [
  "The city council approved the new transport plan on Tuesday after a long debate about costs and routes.",
  "Supporters said the plan would cut travel times for thousands of commuters who cross the river every day.",
  "Critics argued that the budget was unrealistic and that several neighbourhoods had been left out entirely.",
  "The first construction work is expected to begin next spring, the mayor's office said in a statement.",
];

const HOSTILE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <title>Council approves transport plan | City News</title>
  <meta property="og:title" content="Council approves transport plan">
  <meta property="og:site_name" content="City News">
  <meta name="author" content="Jane Roe">
  <meta property="article:published_time" content="2024-05-31T09:30:00+02:00">
  <link rel="canonical" href="/news/transport-plan">
  <style>body { background: url(javascript:alert(1)) } .x::after { content: "STYLE TEXT" }</style>
  <script>document.write("SCRIPT TEXT"); alert(1)</script>
</head>
<body onload="alert('body')">
  <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Council approves transport plan</h1>
    <p onclick="alert('p')" onmouseover="steal()">${STORY[0]}<img src="x" onerror="alert('img')"></p>
    <script>var s = "INLINE SCRIPT TEXT";</script>
    <iframe src="javascript:alert('frame')">IFRAME TEXT</iframe>
    <p>${STORY[1]} <a href="javascript:alert('link')" style="color:red">Read the plan</a>.</p>
    <noscript>NOSCRIPT TEXT</noscript>
    <template><p>TEMPLATE TEXT</p></template>
    <blockquote><p>“We listened to everyone,” the mayor said.</p></blockquote>
    <p>${STORY[2]}<br>A second line.</p>
    <h2>What happens next</h2>
    <ul><li>Consultation in <b>June</b></li><li>Tender in <i>autumn</i></li></ul>
    <p hidden>HIDDEN TEXT</p>
    <p style="display: none">INVISIBLE TEXT</p>
    <svg><text>SVG TEXT</text></svg>
    <object data="x.swf">OBJECT TEXT</object>
    <form><input value="INPUT TEXT"><button>BUTTON TEXT</button><textarea>TEXTAREA TEXT</textarea></form>
    <p>${STORY[3]} &lt;script&gt;alert(1)&lt;/script&gt; is shown as text.</p>
  </article>
  <footer>Copyright City News</footer>
</body>
</html>`;

describe("parseHtml on a hostile page", () => {
  let article: ParsedArticle;
  let output: string;
  beforeAll(async () => {
    article = await parseHtml(HOSTILE_PAGE, { url: "https://city.example/news/transport-plan?utm=x" });
    output = JSON.stringify(article);
  });

  it("extracts the article's visible text as typed paragraphs", () => {
    expect(article.paragraphs).toEqual<ParsedParagraph[]>([
      { kind: "PARAGRAPH", text: STORY[0] ?? "" },
      { kind: "PARAGRAPH", text: `${STORY[1]} Read the plan.` },
      { kind: "BLOCKQUOTE", text: "“We listened to everyone,” the mayor said." },
      { kind: "PARAGRAPH", text: `${STORY[2]} A second line.` },
      { kind: "HEADING", text: "What happens next" },
      { kind: "LIST_ITEM", text: "Consultation in June" },
      { kind: "LIST_ITEM", text: "Tender in autumn" },
      { kind: "PARAGRAPH", text: `${STORY[3]} <script>alert(1)</script> is shown as text.` },
    ]);
  });

  it("lets nothing from scripts, styles, frames, handlers or hidden elements through", () => {
    for (const fragment of [
      "SCRIPT TEXT", "STYLE TEXT", "IFRAME TEXT", "NOSCRIPT TEXT", "TEMPLATE TEXT", "HIDDEN TEXT", "INVISIBLE TEXT",
      "SVG TEXT", "OBJECT TEXT", "INPUT TEXT", "BUTTON TEXT", "TEXTAREA TEXT", "onclick", "onerror", "onload",
      "steal", "javascript", "alert('", "Home", "Copyright",
    ]) {
      expect(output).not.toContain(fragment);
    }
  });

  it("reads title and metadata from the page", () => {
    expect(article.title).toBe("Council approves transport plan");
    expect(article.language).toBe("en");
    expect(article.metadata).toEqual({
      author: "Jane Roe",
      source: "City News",
      publishedAt: "2024-05-31T07:30:00.000Z",
      sourceUrl: "https://city.example/news/transport-plan?utm=x",
    });
    expect(article.warnings).toEqual([]);
  });

  it("lets caller metadata override the page", async () => {
    const overridden = await parseHtml(HOSTILE_PAGE, { title: "Given", author: "Someone", language: "en-GB", sourceUrl: "https://a.example/" });
    expect(overridden.title).toBe("Given");
    expect(overridden.language).toBe("en-GB");
    expect(overridden.metadata).toMatchObject({ author: "Someone", sourceUrl: "https://a.example/", source: "City News" });
  });
});

describe("parseHtml fallbacks", () => {
  it("walks the whole body when there is no article structure, keeping div text", async () => {
    const article = await parseHtml(
      `<html lang="de"><body><h1>Kurze Meldung</h1><div>Direkter Text im Div.<p>Ein Absatz.</p></div><pre>  eingerückt\n    Code</pre></body></html>`,
    );
    expect(article.title).toBe("Kurze Meldung");
    expect(article.paragraphs.map((p) => p.text)).toEqual(["Direkter Text im Div.", "Ein Absatz.", "  eingerückt\n    Code"]);
    // Too little text to detect reliably, so <html lang> is used.
    expect(article.language).toBe("de");
  });

  it("uses og:title when there is no <title>", async () => {
    const article = await parseHtml(`<head><meta property="og:title" content="From OG"></head><body><p>${STORY[0]}</p></body>`);
    expect(article.title).toBe("From OG");
  });

  it("takes the canonical link as source URL when no URL is given", async () => {
    const article = await parseHtml(`<head><link rel="canonical" href="https://city.example/a"></head><body><p>${STORY[0]}</p></body>`);
    expect(article.metadata.sourceUrl).toBe("https://city.example/a");
  });

  it.each([
    ["an empty document", ""],
    ["only scripts and styles", "<script>alert(1)</script><style>p{}</style>"],
    ["only hidden text", "<div hidden>secret</div>"],
  ])("rejects %s as EMPTY", async (_name, html) => {
    await expect(parseHtml(html)).rejects.toThrow(expect.objectContaining({ code: "EMPTY" }));
  });

  it.each([
    ["nested divs", `${"<div>".repeat(20_000)}deep${"</div>".repeat(20_000)}`],
    ["self-closing divs, which HTML still nests", `${"<div/>".repeat(20_000)}deep`],
    ["nesting hidden behind stray end tags", `${"<span>".repeat(20_000)}${"</b>".repeat(20_000)}deep`],
  ])("refuses absurdly deep nesting before parsing it: %s", async (_name, html) => {
    await expect(parseHtml(html)).rejects.toThrow(expect.objectContaining({ code: "TOO_LARGE", message: expect.stringMatching(/nested/) }));
  });

  it("accepts large flat markup such as inline SVG charts and unclosed paragraphs", async () => {
    // Each run is longer than the 1,000-level nesting limit but nests nothing.
    const html = `<svg>${'<path d="M0 0"/>'.repeat(1_100)}</svg>${"<p>Unclosed paragraph of text.".repeat(1_100)}<ul>${"<li>item".repeat(1_100)}</ul>`;
    const article = await parseHtml(html);
    expect(article.paragraphs).toHaveLength(2_200);
  });

  it("refuses binary input", async () => {
    await expect(parseHtml("\u0000\u0001PNG")).rejects.toThrow(expect.objectContaining({ code: "BINARY" }));
  });
});
