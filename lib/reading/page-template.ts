/*
 * A rendered page cut at its per-answer values (the CSP nonce, the viewer's identity), to be
 * filled with other values per answer: the page caches keep one render and answer many requests
 * with it (lib/server/cache/serve-cached-page.ts). Pure string work, no framework.
 *
 * A value is found in the render by a random token that stood in for it (the render's nonce; the
 * template viewer's fields), so no stored text can contain it. Where a token sits decides how its
 * value is written back:
 *   - in markup (text or an attribute value), escaped as HTML;
 *   - in an inline script, only as a whole string of Next's RSC payload
 *     (`self.__next_f.push([1,"…"])`: a JSON row inside a JavaScript string, so escaped twice, with
 *     React's `$` prefix for a string starting with `$` and `<`, `>`, `&` as `\u003c`… as Next writes
 *     them); a token anywhere else in a script makes the page uncuttable (null), never a guess;
 *   - a raw slot (the nonce: base64, the same in every context) is written as it is.
 */

/** How a slot's value is written. */
type SlotContext = "raw" | "html" | "rsc";

/** A page cut at its slots: texts[i], then slot i, …, then the last text. */
export interface PageTemplate {
  texts: string[];
  slots: { name: string; context: SlotContext }[];
}

/**
 * What a slot stands for: `token` is what the render holds in its place; `raw` says the value goes
 * back as it is (it must then be the same in every context: a base64 nonce is).
 */
export interface SlotToken {
  name: string;
  token: string;
  raw?: boolean;
}

/**
 * The longest value written into an RSC string: React sends a longer string (1,024 characters and
 * up) as a chunk of its own with its length in bytes, which a substitution would break.
 */
export const MAX_SLOT_VALUE_LENGTH = 500;

/**
 * Cuts `body` at every occurrence of the tokens, or null when a token sits where its value could
 * not be written back exactly (inside a script but not as a whole RSC string).
 */
export function cutPage(body: string, tokens: readonly SlotToken[]): PageTemplate | null {
  if (tokens.length === 0) return { texts: [body], slots: [] };
  const byToken = new Map(tokens.map((slot) => [slot.token, slot]));
  const pattern = new RegExp(tokens.map(({ token }) => token.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
  const texts: string[] = [];
  const slots: PageTemplate["slots"] = [];
  let from = 0;
  for (const match of body.matchAll(pattern)) {
    const slot = byToken.get(match[0])!;
    const at = match.index;
    let context: SlotContext;
    if (slot.raw) context = "raw";
    else if (!insideScript(body, at)) context = "html";
    else if (isWholeRscString(body, at, match[0].length)) context = "rsc";
    else return null;
    texts.push(body.slice(from, at));
    slots.push({ name: slot.name, context });
    from = at + match[0].length;
  }
  texts.push(body.slice(from));
  return { texts, slots };
}

/** The page with every slot filled from `values` (by slot name; a missing one throws: a page is never sent half filled). */
export function fillPage(template: PageTemplate, values: Readonly<Record<string, string>>): string {
  let page = template.texts[0]!;
  template.slots.forEach(({ name, context }, i) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the page's slot "${name}"`);
    page += writeValue(value, context) + template.texts[i + 1]!;
  });
  return page;
}

/**
 * Whether two cuts are the same page: the same texts and the same slots in the same places. Two
 * renders with different tokens that cut alike show the values only where the slots are (a value
 * shown changed, say a name's first letter, would differ between them).
 */
export function samePage(a: PageTemplate, b: PageTemplate): boolean {
  return (
    a.texts.length === b.texts.length &&
    a.texts.every((text, i) => text === b.texts[i]) &&
    a.slots.every((slot, i) => slot.name === b.slots[i]!.name && slot.context === b.slots[i]!.context)
  );
}

/** The characters a template holds (what a cache of templates weighs). */
export function templateWeight(template: PageTemplate): number {
  return template.texts.reduce((sum, text) => sum + text.length, 0);
}

function writeValue(value: string, context: SlotContext): string {
  if (context === "raw") return value;
  if (context === "html") return escapeHtml(value);
  if (value.length > MAX_SLOT_VALUE_LENGTH) throw new Error(`A value of ${value.length} characters cannot be written into the page's RSC payload`);
  // React marks a string starting with `$` by doubling it (a lone `$` starts its references).
  const model = JSON.stringify(value.startsWith("$") ? `$${value}` : value).slice(1, -1);
  return escapeScriptJson(JSON.stringify(model).slice(1, -1));
}

/** As React escapes text and attribute values. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}

/** As Next writes JSON into an inline script (htmlEscapeJsonString): nothing in it can end the script. */
function escapeScriptJson(json: string): string {
  return json.replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Whether `at` is inside a `<script …>…</script>` element (or its opening tag). */
function insideScript(body: string, at: number): boolean {
  return body.lastIndexOf("<script", at) > body.lastIndexOf("</script", at);
}

/**
 * Whether the token at `at` is a whole JSON string of an RSC row inside Next's
 * `self.__next_f.push([1,"…"])`: `\"TOKEN\"`, the opening quote not itself escaped content.
 */
function isWholeRscString(body: string, at: number, length: number): boolean {
  const scriptStart = body.lastIndexOf("<script", at);
  const scriptBody = body.indexOf(">", scriptStart) + 1;
  return (
    body.startsWith("self.__next_f.push([1,", scriptBody) &&
    body.slice(at - 2, at) === '\\"' &&
    body[at - 3] !== "\\" &&
    body.slice(at + length, at + length + 2) === '\\"'
  );
}
