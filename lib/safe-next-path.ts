/**
 * Where to send someone after they sign in: `next` when it resolves, with the
 * URL parser, to a page on `origin`; otherwise the home page.
 *
 * A prefix check such as `startsWith("/") && !startsWith("//")` is not enough:
 * browsers drop tabs and newlines from URLs and read `\` as `/`, so
 * `/\evil.example` and `/<TAB>/evil.example` both leave the site. Parsing the
 * value the way the browser will, and comparing origins, catches every such
 * spelling. Only the path, query and fragment are returned, so the result is
 * always relative to this site whatever `next` was.
 */
export function safeNextPath(next: string | null | undefined, origin: string): string {
  if (!next) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(next, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
