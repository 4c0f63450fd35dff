"use client";

import { useRouter } from "next/navigation";

/**
 * The library filter combobox Project: choosing one shows that project's articles (a real URL,
 * /?project=<slug>); the form also works before JavaScript loads, with its Show button.
 */
export function LibraryProjectFilter({ projects, selected }: { projects: { slug: string; name: string }[]; selected: string }) {
  const router = useRouter();
  return (
    <form method="get" action="/" className="mt-4 flex items-center gap-2 text-sm">
      <label htmlFor="library-project" className="font-medium">
        Project
      </label>
      <select
        id="library-project"
        name="project"
        defaultValue={selected}
        onChange={(event) => router.push(event.target.value ? `/?project=${encodeURIComponent(event.target.value)}` : "/")}
        className="rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1 outline-none focus:border-[var(--accent)]"
      >
        <option value="">All projects</option>
        {projects.map((project) => (
          <option key={project.slug} value={project.slug}>
            {project.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-[var(--rule)] px-2 py-1">
          Show
        </button>
      </noscript>
    </form>
  );
}
