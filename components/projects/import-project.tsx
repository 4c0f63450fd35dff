"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

const ImportProjectContext = createContext<string | undefined>(undefined);

/** The project the import page's articles go into, for the code that commits them (undefined: the default project). */
export function useImportProject(): string | undefined {
  return useContext(ImportProjectContext);
}

/**
 * The import page's combobox Project above the ways to import: every article committed from any
 * panel goes into the chosen project.
 */
export function ImportProjectPicker({ projects, initial, children }: { projects: { id: string; name: string }[]; initial: string; children: ReactNode }) {
  const [project, setProject] = useState(initial);
  return (
    <ImportProjectContext.Provider value={project || undefined}>
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="import-project" className="font-medium">
          Project
        </label>
        <select
          id="import-project"
          value={project}
          onChange={(event) => setProject(event.target.value)}
          aria-describedby="import-project-hint"
          className="rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1 outline-none focus:border-[var(--accent)]"
        >
          {projects.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        <span id="import-project-hint" className="text-[var(--muted)]">
          Imported articles go into this project (an article already here joins it).
        </span>
      </div>
      {children}
    </ImportProjectContext.Provider>
  );
}
