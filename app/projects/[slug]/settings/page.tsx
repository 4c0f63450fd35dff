import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { ProjectSettings } from "@/components/projects/project-settings";
import { getActor } from "@/lib/server/auth/get-actor";
import { redirectToSignIn } from "@/lib/server/auth/redirect-to-sign-in";
import { AppError } from "@/lib/server/errors";
import { getProjectSettings } from "@/lib/server/projects/get-project-settings";
import { colorNamesSchema } from "@/lib/validations/project";

export const metadata: Metadata = { title: "Project settings" };
export const dynamic = "force-dynamic";

/** A project's settings, for its Managers and admins: 404 to whoever may not read it, 403 to its other readers. */
export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const actor = await getActor();
  if (!actor) redirectToSignIn(`/projects/${slug}/settings`);
  let settings;
  try {
    settings = await getProjectSettings({ actor, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") return <Forbidden message={error.message} />;
    throw error;
  }
  const { project, members, entityTypes } = settings;
  const colorNames = colorNamesSchema.safeParse(project.colorNames);
  return (
    <section aria-labelledby="settings-heading" className="mx-auto max-w-5xl space-y-6">
      <div>
        <Link href={`/projects/${project.slug}`} className="text-sm text-[var(--muted)] hover:text-[var(--ink)]">
          ← {project.name}
        </Link>
        <h1 id="settings-heading" className="mt-1 font-serif text-3xl font-semibold tracking-tight">
          {project.name}: settings
        </h1>
      </div>
      <ProjectSettings
        project={{ id: project.id, name: project.name, slug: project.slug, description: project.description, guidelines: project.guidelines, access: project.access }}
        members={members}
        actorId={actor.id}
        labels={{ entityTypes, colorNames: colorNames.success ? colorNames.data : {} }}
      />
    </section>
  );
}
