"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Drawer } from "@/components/reader/drawer";
import type { ProjectGuidelines } from "@/lib/server/projects/get-article-guidelines";

// The Markdown renderer is code of its own, fetched when the drawer first opens: the reader's first script stays small.
const Markdown = dynamic(() => import("@/components/notes/markdown").then((module) => module.Markdown), { ssr: false });

/**
 * The reader's Guidelines, one click away: a button that opens the side panel with the annotation
 * guidelines of the article's projects (the one the reader tags in first).
 */
export function GuidelinesDrawer({ guidelines }: { guidelines: ProjectGuidelines[] }) {
  const [open, setOpen] = useState(false);
  if (guidelines.length === 0) return null;
  return (
    <div lang="en" className="-mt-4 mb-6 font-sans text-sm">
      <button type="button" onClick={() => setOpen((value) => !value)} aria-expanded={open} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
        Guidelines
      </button>
      {open && (
        <Drawer label="Guidelines" title="Guidelines" onClose={() => setOpen(false)}>
          <div className="space-y-6 overflow-y-auto">
            {guidelines.map((project) => (
              <section key={project.projectId} aria-label={project.name} className="space-y-2">
                {guidelines.length > 1 && <h3 className="font-semibold">{project.name}</h3>}
                <Markdown>{project.guidelines}</Markdown>
              </section>
            ))}
          </div>
        </Drawer>
      )}
    </div>
  );
}
