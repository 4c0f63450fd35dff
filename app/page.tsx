import Link from "next/link";
import { ExportMenu } from "@/components/reader/export-menu";
import { LibraryProjectFilter } from "@/components/projects/library-project-filter";
import { LIBRARY_PAGE_SIZE, listArticles } from "@/lib/server/articles/list-articles";
import { listProjects } from "@/lib/server/projects/list-projects";
import { formatDate, languageName } from "@/lib/format";
import { parsePageRequest } from "@/lib/pagination/keyset";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";

export const dynamic = "force-dynamic";

const count = new Intl.NumberFormat("en");

export default async function LibraryPage({ searchParams }: { searchParams: Promise<{ after?: string | string[]; before?: string | string[]; project?: string | string[] }> }) {
  const actor = await requireReaderPage("/");
  const query = await searchParams;
  const asked = parsePageRequest(query);
  // The library filter Project: one project's articles (pages keep it in their links).
  const projects = await listProjects({ actor });
  const chosenProject = typeof query.project === "string" ? projects.find((project) => project.slug === query.project) : undefined;
  const projectSlug = chosenProject?.slug;
  const inProject = projectSlug ? `project=${encodeURIComponent(projectSlug)}&` : "";
  const library = await listArticles("error" in asked ? { from: "start" } : asked, LIBRARY_PAGE_SIZE, { actor, projectSlug });
  const articles = library.items;
  // Counting stops at LIBRARY_COUNT_CAP: "more than 1,000", and a page deeper than that has no number.
  const total = library.moreThanTotal ? `more than ${count.format(library.total)}` : count.format(library.total);
  const shown = library.firstPosition === null ? `${articles.length} past the first ${count.format(library.total)}` : `${count.format(library.firstPosition)}–${count.format(library.firstPosition + articles.length - 1)}`;
  return (
    <section aria-labelledby="library-heading" className="mx-auto max-w-4xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="library-heading" className="font-serif text-3xl font-semibold tracking-tight">
            Library
          </h1>
          <p className="mt-1 text-sm text-[var(--muted)]">
            {library.total === 1 && !library.moreThanTotal ? "1 article" : `${total[0]!.toUpperCase()}${total.slice(1)} articles`}, newest first.
            {articles.length > 0 && (library.moreThanTotal || articles.length < library.total) && ` Showing ${shown}.`}
          </p>
        </div>
        {library.total > 0 && <ExportMenu scope={{ kind: "library", ...(chosenProject ? { project: { id: chosenProject.id, name: chosenProject.name } } : {}) }} />}
      </div>
      {projects.length > 1 && <LibraryProjectFilter projects={projects.map(({ slug, name }) => ({ slug, name }))} selected={projectSlug ?? ""} />}
      {"error" in asked && (
        <p role="alert" className="mt-6 rounded-md border border-[var(--rule)] px-3 py-2 text-sm">
          {asked.error} Showing the first page.
        </p>
      )}
      {library.total === 0 ? (
        <p className="mt-10 text-[var(--muted)]">No articles yet. An admin can import some.</p>
      ) : articles.length === 0 ? (
        <p className="mt-10 text-[var(--muted)]">
          No articles on this page. <Link href="/" className="underline">Back to the newest</Link>
        </p>
      ) : (
        <ul className="mt-8 divide-y divide-[var(--rule)] border-y border-[var(--rule)]" aria-label="Articles">
          {articles.map((article) => (
            <li key={article.slug} className="py-5">
              <Link href={`/articles/${article.slug}`} lang={article.language} className="font-serif text-xl leading-snug hover:text-[var(--accent)] hover:underline">
                {article.title}
              </Link>
              <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-[var(--muted)]">
                <div className="flex gap-1">
                  <dt className="sr-only">Source</dt>
                  <dd>{article.source ?? "Unknown source"}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="sr-only">Language</dt>
                  <dd>{languageName(article.language)}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="sr-only">Paragraphs</dt>
                  <dd>{article.paragraphCount === 1 ? "1 paragraph" : `${article.paragraphCount} paragraphs`}</dd>
                </div>
                {article.projects.length > 0 && (
                  <div className="flex gap-1">
                    <dt>{article.projects.length === 1 ? "Project" : "Projects"}</dt>
                    <dd>
                      {article.projects.map((project, index) => (
                        <span key={project.slug}>
                          {index > 0 && ", "}
                          <Link href={`/projects/${project.slug}`} className="underline decoration-[var(--rule)] hover:text-[var(--ink)]">
                            {project.name}
                          </Link>
                        </span>
                      ))}
                    </dd>
                  </div>
                )}
                <div className="flex gap-1">
                  <dt>Imported</dt>
                  <dd>
                    <time dateTime={article.importedAt.toISOString()}>{formatDate(article.importedAt)}</time>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {(library.previous || library.next) && (
        <nav aria-label="Library pages" className="mt-6 flex items-center gap-3 text-sm">
          {library.previous && (
            <Link href={`/?${inProject}before=${library.previous}`} rel="prev" className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
              Previous
            </Link>
          )}
          <span className="text-[var(--muted)]">
            {shown} of {total}
          </span>
          {library.next && (
            <Link href={`/?${inProject}after=${library.next}`} rel="next" className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
              Next
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

