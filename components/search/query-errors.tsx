import type { QueryError } from "@/lib/search/query";

/** What the search parser did not understand in a query, said beside the results it gave anyway. */
export function QueryErrors({ errors, className = "" }: { errors: QueryError[]; className?: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className={`rounded-md border border-[var(--accent)] px-4 py-3 text-sm ${className}`}>
      <p className="font-medium">Part of the query was not understood:</p>
      <ul className="mt-1 list-disc pl-5">
        {errors.map((error, index) => (
          <li key={index}>{error.message}</li>
        ))}
      </ul>
    </div>
  );
}
