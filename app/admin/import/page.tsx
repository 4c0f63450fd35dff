import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { ImportWorkbench } from "@/components/import/import-workbench";
import { ImportProjectPicker } from "@/components/projects/import-project";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { listProjects } from "@/lib/server/projects/list-projects";
import { RecentJobs } from "@/components/import/recent-jobs";
import { db } from "@/lib/db";
import { importConfig } from "@/lib/import-config";
import { requireAdminPage } from "@/lib/server/auth/require-admin-page";
import { listImportJobs } from "@/lib/server/import/list-import-jobs";
import { runImportJob } from "@/lib/server/import/run-import-job";

export const metadata: Metadata = { title: "Import articles" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportPage({ searchParams }: Props) {
  const admin = await requireAdminPage("/admin/import");
  const params = await searchParams;
  const tab = params.tab === "files" || params.tab === "url" || params.tab === "annotations" ? params.tab : "paste";
  const replaceId = typeof params.replace === "string" ? params.replace.slice(0, 64) : null;
  const [replace, recent, projects] = await Promise.all([
    replaceId ? db().article.findUnique({ where: { id: replaceId }, select: { id: true, title: true, slug: true } }) : null,
    listImportJobs({ actor: admin }),
    listProjects({ actor: admin }),
  ]);
  const askedProject = typeof params.project === "string" ? projects.find((project) => project.slug === params.project)?.id : undefined;
  // A bulk import whose instance went away is picked up again by whoever looks at it.
  for (const id of recent.resume) after(() => runImportJob(id));
  const config = importConfig();
  const limits = { maxArticleBytes: config.maxArticleBytes, maxBulkBytes: config.maxBulkBytes, maxParagraphs: config.maxParagraphs };

  return (
    <section aria-labelledby="import-heading" className="mx-auto max-w-4xl">
      <h1 id="import-heading" className="font-serif text-3xl font-semibold tracking-tight">
        Import articles
      </h1>
      <p className="mt-1 text-sm text-[var(--muted)]">
        Paste text, upload files or fetch a page. You see every article before anything is saved; each one is imported in its own transaction. Manage what is already here under{" "}
        <Link href="/admin/articles" className="underline">
          Articles
        </Link>
        .
      </p>
      {replace && (
        <p className="mt-4 rounded-md border border-[var(--accent)]/40 bg-[var(--accent)]/5 px-3 py-2 text-sm">
          Replacing <strong dir="auto">{replace.title}</strong>: what you import becomes its next revision, with its annotations moved onto the new text.{" "}
          <Link href="/admin/import" className="underline">
            Import new articles instead
          </Link>
        </p>
      )}
      <div className="mt-8">
        <ImportProjectPicker projects={projects.map(({ id, name }) => ({ id, name }))} initial={askedProject ?? (projects.some((project) => project.id === DEFAULT_PROJECT_ID) ? DEFAULT_PROJECT_ID : (projects[0]?.id ?? ""))}>
          <ImportWorkbench initialTab={tab} preset={replace ? { id: replace.id, title: replace.title, why: "chosen" } : null} limits={limits} />
        </ImportProjectPicker>
      </div>
      <RecentJobs jobs={recent.jobs} />
    </section>
  );
}
