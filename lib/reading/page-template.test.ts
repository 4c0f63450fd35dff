import { describe, expect, it } from "vitest";
import { cutPage, fillPage, MAX_SLOT_VALUE_LENGTH, samePage } from "./page-template";

const NAME = "glossa0123456789abcdef01234567";
const NONCE = "q+Z/9a==";

/** An RSC row as Next inlines it: the row's JSON (React's model) inside a JavaScript string, escaped for HTML. */
function flightScript(model: unknown): string {
  const row = `5:${JSON.stringify(model)}\n`;
  const js = JSON.stringify(row).replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `<script nonce="${NONCE}">self.__next_f.push([1,${js}])</script>`;
}

/** What a browser's JavaScript reads back from a filled flight script: the model's `name`, as React decodes it. */
function readFlightName(page: string): string {
  const js = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/.exec(page)![1]!;
  const row = JSON.parse(js) as string; // a JSON string literal is a JavaScript one
  const model = JSON.parse(row.slice(2)) as { actor: { name: string } };
  const name = model.actor.name;
  return name.startsWith("$$") ? name.slice(1) : name;
}

/** What a browser shows for a filled HTML text or attribute. */
function readHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27);/g, (_m, entity: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'" })[entity]!);
}

const tokens = [
  { name: "nonce", token: NONCE, raw: true },
  { name: "name", token: NAME },
];

describe("cutPage and fillPage", () => {
  const page = `<html><p title="${NAME}">Signed in as <b>${NAME}</b></p>${flightScript({ actor: { id: "u", name: NAME } })}</html>`;

  it.each([
    ["a plain name", "Ann Reader"],
    ["quotes and an apostrophe", `Ann "the editor" O'Neil`],
    ["markup that would end the script", `</script><script>alert(1)</script>`],
    ["ampersands and angle brackets", "R&D <desk>"],
    ["React's reference prefix", "$1"],
    ["a backslash", "back\\slash"],
    ["Cyrillic", "Анна Иванова"],
    ["line and paragraph separators", "a\u2028b\u2029c"],
  ])("writes %s back exactly, in markup and in the RSC payload", (_what, name) => {
    const template = cutPage(page, tokens)!;
    expect(template.slots.map((slot) => `${slot.name}:${slot.context}`)).toEqual(["name:html", "name:html", "nonce:raw", "name:rsc"]);
    const filled = fillPage(template, { nonce: "FRESH", name });
    expect(readFlightName(filled)).toBe(name);
    const title = /title="([^"]*)"/.exec(filled)![1]!;
    const shown = /<b>([^<]*)<\/b>/.exec(filled)![1]!;
    expect([readHtml(title), readHtml(shown)]).toEqual([name, name]);
    // Nothing the value holds can open or close an element or a script.
    expect(filled.match(/<script/g)).toHaveLength(1);
    expect(filled.match(/<\/script>/g)).toHaveLength(1);
    expect(filled).toContain('<script nonce="FRESH">');
  });

  it("refuses a token inside a script other than as a whole RSC string (no guessing at its escaping)", () => {
    expect(cutPage(`<script nonce="${NONCE}">window.viewer = "${NAME}"</script>`, tokens)).toBeNull();
    expect(cutPage(flightScript({ actor: { name: `Hello ${NAME}` } }), tokens)).toBeNull();
    expect(cutPage(flightScript({ actor: { name: `${NAME}!` } }), tokens)).toBeNull();
  });

  it("never writes a value into the RSC payload that React would have sent as a chunk of its own", () => {
    const template = cutPage(page, tokens)!;
    expect(() => fillPage(template, { nonce: "n", name: "x".repeat(MAX_SLOT_VALUE_LENGTH + 1) })).toThrow(/cannot be written/);
    expect(() => fillPage(template, { nonce: "n" })).toThrow(/No value for the page's slot "name"/);
  });

  it("a page without tokens is one text", () => {
    expect(fillPage(cutPage("<p>x</p>", [])!, {})).toBe("<p>x</p>");
  });
});

describe("samePage", () => {
  const other = "glossa76543210fedcba9876543210";
  const render = (name: string, derive: (name: string) => string) => `<p>${name}</p><span>${derive(name)}</span>`;
  const cut = (body: string, token: string) => cutPage(body, [{ name: "name", token }])!;

  it("holds for two renders that show the value only where its token is", () => {
    expect(samePage(cut(render(NAME, () => "Reader"), NAME), cut(render(other, () => "Reader"), other))).toBe(true);
  });

  it("fails for renders that show something derived from it (an initial, a length)", () => {
    expect(samePage(cut(render(NAME, (name) => name.slice(6, 7)), NAME), cut(render(other, (name) => name.slice(6, 7)), other))).toBe(false);
    expect(samePage(cut(`<p>${NAME}</p>`, NAME), cut(`<p>${other}</p><p>${other}</p>`, other))).toBe(false);
  });
});
