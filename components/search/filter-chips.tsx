import Link from "next/link";
import { withoutFilter, type FilterToken } from "@/lib/search/query";

/**
 * The query's filters as chips, each with a link that searches again without it: plain links, so
 * Tab reaches each and Enter removes it, with or without JavaScript.
 */
export function FilterChips({ query, tokens }: { query: string; tokens: readonly FilterToken[] }) {
  if (!tokens.length) return null;
  return (
    <ul aria-label="Filters" className="mt-4 flex flex-wrap gap-2">
      {tokens.map((token) => {
        const rest = withoutFilter(query, token);
        const label = `${token.operator}: ${token.value}`;
        return (
          <li key={token.start} className="flex items-center gap-1 rounded-full border border-[var(--rule)] py-0.5 pr-1 pl-3 text-sm">
            <span>
              <span className="text-[var(--muted)]">{token.operator}:</span> {token.value}
            </span>
            <Link
              href={rest ? `/search?${new URLSearchParams({ q: rest })}` : "/search"}
              aria-label={`Remove filter ${label}`}
              title={`Remove filter ${label}`}
              className="grid size-6 place-items-center rounded-full text-[var(--muted)] hover:bg-[var(--rule)] hover:text-[var(--ink)] focus-visible:outline-2 focus-visible:outline-[var(--accent)]"
            >
              <span aria-hidden>×</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
