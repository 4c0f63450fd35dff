import type { TextSpan } from "@/lib/morphology";

/** Text with the given spans (sorted, not overlapping) wrapped in <mark>: the words a search matched. */
export function MarkedText({ text, marks }: { text: string; marks: readonly TextSpan[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) parts.push(text.slice(at, mark.start));
    parts.push(
      <mark key={mark.start} className="rounded-sm bg-[var(--hl-yellow)] px-0.5 text-[var(--ink)]">
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
