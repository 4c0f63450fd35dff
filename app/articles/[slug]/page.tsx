import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NeedsReview } from "@/components/reader/needs-review";
import { ReaderWorkspace } from "@/components/reader/reader-workspace";
import { packReaderState } from "@/lib/annotations/packing";
import { formatDate, languageName } from "@/lib/format";
import { getArticle } from "@/lib/server/articles/get-article";
import { getActor } from "@/lib/server/auth/get-actor";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { annotationsForViewer, layerCandidates, viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { ProjectLayerSelect } from "@/components/reader/project-layer-select";
import { canWrite } from "@/lib/permissions";
import { readableLayers } from "@/lib/projects/layers";
import { GuidelinesDrawer } from "@/components/projects/guidelines-drawer";
import { articleGuidelines } from "@/lib/server/cache/article-guidelines";
import { layerEntityTypes } from "@/lib/server/cache/layer-entity-types";
import { decodeSlug } from "@/lib/reading/page-cache-request";
import { FIRST_SCREENS_PARAGRAPHS, firstScreens } from "@/lib/reading/first-screens";
import { ANNOTATION_SERVICE } from "@/lib/protocol/link-header";
import { protocolIris } from "@/lib/server/protocol/protocol-iris";

export const dynamic = "force-dynamic";

/** `rawSlug` as it appears in the URL. */
const loadArticle = cache(async (rawSlug: string) => {
  const slug = decodeSlug(rawSlug);
  return slug === null ? null : getArticle({ actor: await getActor(), slug, firstParagraphs: FIRST_SCREENS_PARAGRAPHS });
});

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return { title: article?.title ?? "Article not found" };
}

export default async function ReaderPage({ params }: Props) {
  await requireReaderPage(`/articles/${(await params).slug}`);
  const article = await loadArticle((await params).slug);
  if (!article) notFound();
  const actor = await getActor();
  // The first screens (a few thousand characters); the reader loads the rest right after.
  const paragraphs = firstScreens(article.paragraphs);
  const paragraphIds = paragraphs.map((paragraph) => paragraph.id);
  // The rest of the text is not preloaded: the reader asks for it once interactive. Preloaded, its
  // answers came in during hydration and the reader got slower on both counts (README, reader rows).
  // The project layer the reader sees and annotates into (their Project layer choice, else their own team's).
  const layer = viewLayerOf(actor, article);
  const [annotations, entityTypes, guidelines] = await Promise.all([
    // The layer's shared part from the cache (keyed by the versions getArticle read); the viewer's own work read afresh.
    annotationsForViewer({ actor, stamp: article, part: { name: `first:${paragraphs.length}`, paragraphIds } }),
    // The label set of the project layer the reader's new work goes into (cached by the stamp's entity types digest).
    layerEntityTypes({ stamp: article, layer }),
    articleGuidelines({ actor, stamp: article, layer }),
  ]);
  // Archiving aside (the server refuses writes on an archived article with its own message): may they annotate in this layer?
  const layerAnnotates = (project: (typeof article.projects)[number] | undefined) =>
    canWrite(actor, { type: "new-work", article: { archivedAt: null, projects: article.projects }, project: project ?? null });
  const layers = readableLayers(actor, layerCandidates(article)).map(({ id }) => article.projects.find((project) => project.id === id)!);

  return (
    <article lang={article.language} className="mx-auto max-w-[65ch]">
      {/* The article's Web Annotation Protocol container (React puts the element in <head>); the same Link header comes from next.config.ts. */}
      <link rel={ANNOTATION_SERVICE} href={protocolIris(article.slug).container} />
      <header className="mb-6">
        <h1 dir="auto" className="font-serif text-[2.1rem] font-semibold leading-tight tracking-tight">
          {article.title}
        </h1>
        <p lang="en" className="mt-3 text-sm text-[var(--muted)]">
          {[article.source, article.author, article.publishedAt && formatDate(article.publishedAt), languageName(article.language), `Imported ${formatDate(article.createdAt)}`]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {article.archivedAt && (
          // Only admins reach an archived article (everyone else gets 404): say why it is not in the library.
          <p role="status" lang="en" className="mt-4 rounded-md border border-amber-300 bg-amber-50/60 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/30">
            <strong className="font-semibold">Archived</strong> {formatDate(article.archivedAt)}: out of the library and read-only; only admins can open it.
          </p>
        )}
        {layer !== null && layers.length > 1 && (
          <ProjectLayerSelect layers={layers.map((project) => ({ id: project.id, name: project.name, access: project.access, annotates: layerAnnotates(project) }))} selected={layer} />
        )}
      </header>
      <ReaderWorkspace
        // A new revision is new text, another layer other work: the reader starts over with it.
        key={`${article.revision}:${layer ?? ""}`}
        articleId={article.id}
        slug={article.slug}
        revision={article.revision}
        paragraphs={paragraphs}
        paragraphCount={article.paragraphCount}
        initialState={packReaderState(annotations.annotations, annotations.notes, paragraphIds)}
        lastEventId={annotations.lastEventId}
        actor={actor}
        entityTypes={entityTypes}
        canAnnotate={layerAnnotates(article.projects.find((project) => project.id === layer))}
        layer={layer}
      >
        <GuidelinesDrawer guidelines={guidelines} />
        {/* Its queries only where something waits (nearly never); it lists what this viewer may see. */}
        {annotations.orphansPending && <NeedsReview articleId={article.id} />}
      </ReaderWorkspace>
    </article>
  );
}
