import type { AuthorDTO } from "@/lib/annotations/types";

/** "● Name · 27 Nov 2026, 14:03" with the author's colour as an accent next to the name. */
export function AuthorLine({ author, at, edited }: { author: AuthorDTO; at: string; edited?: boolean }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-xs text-[var(--muted)]">
      <span aria-hidden className="size-2 rounded-full" style={{ background: author.color }} />
      <span className="font-medium text-[var(--ink)]">{author.name}</span>
      <time dateTime={at}>{new Date(at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</time>
      {edited && <span>(edited)</span>}
    </p>
  );
}
