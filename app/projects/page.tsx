import type { Metadata } from "next";
import Link from "next/link";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { canCreateProject } from "@/lib/permissions";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { listProjects } from "@/lib/server/projects/list-projects";

export const metadata: Metadata = { title: "Projects" };
export const dynamic = "force-dynamic";

const ROLE_LABEL = { MANAGER: "Manager", ANNOTATOR: "Annotator", READER: "Reader" } as const;

export default async function ProjectsPage() {
  const actor = await requireReaderPage("/projects");
  const projects = await listProjects({ actor });
  return (
    <section aria-labelledby="projects-heading" className="mx-auto max-w-4xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="projects-heading" className="font-serif text-3xl font-semibold tracking-tight">
            Projects
          </h1>
          <p className="mt-1 text-sm text-[var(--muted)]">Each team’s room: its members, its articles, its labels and guidelines.</p>
        </div>
        {canCreateProject(actor) && <NewProjectForm />}
      </div>
      <ul aria-label="Projects" className="mt-8 divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
        {projects.map((project) => (
          <li key={project.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-5">
            <Link href={`/projects/${project.slug}`} className="font-serif text-xl hover:text-[var(--accent)] hover:underline">
              {project.name}
            </Link>
            <span className="rounded border border-[var(--rule)] px-1.5 text-xs text-[var(--muted)]">{project.access === "OPEN" ? "Open" : "Closed"}</span>
            {project.role && <span className="text-sm text-[var(--muted)]">You: {ROLE_LABEL[project.role]}</span>}
            {project.role === "MANAGER" && (
              <Link href={`/projects/${project.slug}/settings`} className="text-sm text-[var(--accent)] underline">
                Settings<span className="sr-only"> of {project.name}</span>
              </Link>
            )}
            <p className="w-full text-sm text-[var(--muted)]">
              {project.description ? `${project.description} · ` : ""}
              {project.articleCount === 1 ? "1 article" : `${project.articleCount} articles`}, {project.memberCount === 1 ? "1 member" : `${project.memberCount} members`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
