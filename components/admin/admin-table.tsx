import type { ReactNode } from "react";

export interface AdminColumn {
  label: string;
  /** Numbers and actions line up on the right. */
  align?: "right";
  /** Read by screen readers only (an actions column needs no visible heading). */
  hidden?: boolean;
}

/**
 * The admin pages' table: a caption for screen readers, one header row and the rows given as
 * children (each starting with a `<th scope="row">`), scrolling sideways on narrow screens.
 */
export function AdminTable({ caption, columns, minWidth, children }: { caption: string; columns: AdminColumn[]; minWidth: string; children: ReactNode }) {
  return (
    <div className="mt-8 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" style={{ minWidth }}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-[var(--rule)] text-xs uppercase tracking-wide text-[var(--muted)]">
            {columns.map((column, index) => (
              <th
                key={column.label}
                scope="col"
                className={`py-2 font-medium ${index < columns.length - 1 ? "pr-4" : ""} ${column.align === "right" ? "text-right" : ""}`}
              >
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-[var(--rule)]">{children}</tbody>
      </table>
    </div>
  );
}
