/** What the last save did, said to screen readers too: errors as alerts, success politely. */
export type Status = { kind: "saved" | "error"; text: string } | null;

export function StatusLine({ status, id }: { status: Status; id?: string }) {
  if (!status) return <p id={id} role="status" className="sr-only" />;
  return status.kind === "error" ? (
    <p id={id} role="alert" className="text-sm text-red-700 dark:text-red-400">
      {status.text}
    </p>
  ) : (
    <p id={id} role="status" className="text-sm text-[var(--muted)]">
      {status.text}
    </p>
  );
}
