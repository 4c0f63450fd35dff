/** A chart's numbers as a table: what "Show as table" renders and "Download CSV" writes. */
export interface DataTable {
  /** The table's caption and the CSV's file name stem. */
  title: string;
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Record<string, string | number>[];
}

/**
 * The table as CSV (RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break
 * quoted, quotes doubled). A text cell that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so an entity named
 * "=HYPERLINK(…)" stays text (OWASP CSV injection).
 */
export function tableCsv(table: DataTable): string {
  const field = (value: string | number): string => {
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [table.columns.map((column) => field(column.label)), ...table.rows.map((row) => table.columns.map((column) => field(row[column.key] ?? "")))];
  return lines.map((line) => line.join(",")).join("\r\n") + "\r\n";
}
