"use client";

import { initialsOf, type PresenceReader } from "@/lib/live/protocol";
import type { LiveStatus } from "@/components/reader/use-live-article";

const STATUS_TEXT: Record<LiveStatus, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };

/** Who is reading the article now (initials in their colours, full names for screen readers) and whether changes arrive live. */
export function Presence({ readers, status }: { readers: PresenceReader[]; status: LiveStatus }) {
  return (
    <div className="flex items-center gap-3">
      <div role="region" aria-label="Reading now" className="flex items-center">
        <ul className="flex -space-x-1.5">
          {readers.map((reader) => (
            <li
              key={reader.id}
              title={reader.name}
              className="author-ink grid size-7 place-items-center rounded-full border-2 bg-[var(--page)] text-[0.68rem] font-semibold leading-none"
              style={{ "--author": reader.color } as React.CSSProperties}
            >
              <span aria-hidden>{initialsOf(reader.name)}</span>
              <span className="sr-only">{reader.name}</span>
            </li>
          ))}
        </ul>
      </div>
      <span role="status" className="flex items-center gap-1.5 text-xs text-[var(--muted)]">
        <span aria-hidden className={`size-2 rounded-full ${status === "live" ? "bg-green-600" : "bg-amber-500"}`} />
        {STATUS_TEXT[status]}
      </span>
    </div>
  );
}
