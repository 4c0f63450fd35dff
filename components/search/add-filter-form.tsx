import { FILTER_OPERATORS } from "@/lib/search/query";

/**
 * Adds a filter to the current query without knowing its syntax: choose what to filter by, type
 * the value, Add filter. A plain GET form (the page turns it into the query and redirects), so it
 * works from the keyboard and before JavaScript loads.
 */
export function AddFilterForm({ query }: { query: string }) {
  return (
    <form action="/search" method="get" aria-label="Add a filter" className="mt-4 flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="q" value={query} />
      <label className="flex flex-col gap-1">
        <span className="text-[var(--muted)]">Filter by</span>
        <select name="filter" className="rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1">
          {FILTER_OPERATORS.map((option) => (
            <option key={option.operator} value={option.operator}>
              {option.label} ({option.operator}:)
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-[var(--muted)]">Value</span>
        <input name="value" required maxLength={200} placeholder="Ирина Соболева, person, pink…" className="w-56 rounded-md border border-[var(--rule)] bg-transparent px-2 py-1 placeholder:text-[var(--muted)]" />
      </label>
      <button type="submit" className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
        Add filter
      </button>
    </form>
  );
}
