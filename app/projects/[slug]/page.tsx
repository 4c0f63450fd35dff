import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/notes/markdown";
import { canWrite } from "@/lib/permissions";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { AppError } from "@/lib/server/errors";
import { findProject } from "@/lib/server/projects/find-project";
import { listArticlesOutsideProject, listProjectArticles } from "@/lib/server/projects/list-project-articles";
import { AddProjectArticle, RemoveProjectArticle } from "@/components/projects/project-articles-editor";

export const metadata: Metadata = { title: "Project" };
export const dynamic = "force-dynamic";

/** A project as its readers see it: description, guidelines and articles; its Managers get a Settings link. */
export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await requireReaderPage(`/projects/${slug}`);
  const project = await findProject(actor, { slug }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { articles, total } = await listProjectArticles({ actor, projectId: project.id });
  const manages = actor !== null && canWrite(actor, { type: "project-articles", project: project.facts });
  const candidates = manages ? await listArticlesOutsideProject({ actor, projectId: project.id }) : [];
  return (
    <section aria-labelledby="project-heading" className="mx-auto max-w-4xl space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="project-heading" className="font-serif text-3xl font-semibold tracking-tight">
            {project.name}
          </h1>
          <p className="mt-1 text-sm text-[var(--muted)]">
            {project.access === "OPEN" ? "Open" : "Closed"}
            {project.description && ` · ${project.description}`}
          </p>
        </div>
        {canWrite(actor, { type: "project", project: project.facts }) && (
          <Link href={`/projects/${project.slug}/settings`} className="rounded-md border border-[var(--rule)] px-3 py-1.5 text-sm hover:bg-[var(--rule)]">
            Settings
          </Link>
        )}
      </div>
      <section aria-labelledby="guidelines-heading">
        <h2 id="guidelines-heading" className="font-serif text-xl font-semibold">
          Guidelines
        </h2>
        <div className="mt-2">{project.guidelines.trim() ? <Markdown>{project.guidelines}</Markdown> : <p className="text-sm text-[var(--muted)]">No guidelines yet.</p>}</div>
      </section>
      <section aria-labelledby="project-articles-heading">
        <h2 id="project-articles-heading" className="font-serif text-xl font-semibold">
          Articles
        </h2>
        {total > articles.length && (
          <p className="text-sm text-[var(--muted)]">
            The newest {articles.length} of {total}; <Link href={`/?project=${encodeURIComponent(project.slug)}`} className="underline">all in the library</Link>.
          </p>
        )}
        {articles.length === 0 ? (
          <p className="mt-2 text-sm text-[var(--muted)]">No articles yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
            {articles.map((article) => (
              <li key={article.id} className="flex items-center justify-between gap-3 py-3">
                <Link href={`/articles/${article.slug}`} lang={article.language} className="font-serif text-lg hover:text-[var(--accent)] hover:underline">
                  {article.title}
                </Link>
                {manages && <RemoveProjectArticle projectId={project.id} article={{ id: article.id, title: article.title }} />}
              </li>
            ))}
          </ul>
        )}
        {manages && <AddProjectArticle projectId={project.id} candidates={candidates} />}
      </section>
    </section>
  );
}
