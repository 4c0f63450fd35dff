"use client";

import { useId, useState, type ReactNode } from "react";
import { tableCsv, type DataTable } from "@/lib/insights";

/**
 * One section of /insights: a region named by its heading, its chart, and the same numbers as a
 * table (button Show as table, pressed while the table shows; a real <table>, so it can be read
 * by a screen reader and copied) and as a file (button Download CSV).
 */
export function ChartSection({ title, description, table, empty, children }: { title: string; description: ReactNode; table: DataTable; empty: string; children: ReactNode }) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const download = () => {
    const url = URL.createObjectURL(new Blob([tableCsv(table)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${table.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-[var(--rule)] p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-[var(--muted)]">{description}</p>
        </div>
        <div className="flex gap-2 text-sm">
          <button type="button" aria-pressed={asTable} onClick={() => setAsTable((value) => !value)} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)] aria-pressed:bg-[var(--rule)]">
            Show as table
          </button>
          <button type="button" onClick={download} disabled={table.rows.length === 0} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)] disabled:opacity-50">
            Download CSV
          </button>
        </div>
      </div>
      {table.rows.length === 0 ? <p className="py-8 text-center text-sm text-[var(--muted)]">{empty}</p> : asTable ? <NumbersTable table={table} /> : children}
    </section>
  );
}

function NumbersTable({ table }: { table: DataTable }) {
  return (
    <div className="max-h-[28rem] overflow-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{table.title}</caption>
        <thead className="sticky top-0 bg-[var(--page)]">
          <tr className="border-b border-[var(--rule)] text-xs text-[var(--muted)]">
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={`px-2 py-1 font-medium ${column.numeric ? "text-right" : "text-left"}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index} className="border-b border-[var(--rule)]">
              {table.columns.map((column, columnIndex) =>
                columnIndex === 0 ? (
                  <th key={column.key} scope="row" className="px-2 py-1 text-left font-normal" dir="auto">
                    {row[column.key]}
                  </th>
                ) : (
                  <td key={column.key} className={`px-2 py-1 ${column.numeric ? "text-right tabular-nums" : ""}`} dir="auto">
                    {row[column.key]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
