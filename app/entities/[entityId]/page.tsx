import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getActor } from "@/lib/server/auth/get-actor";
import { requireReaderPage } from "@/lib/server/auth/require-reader-page";
import { SPEAKER_TYPE_KEYS } from "@/lib/annotations/kinds";
import { getEntity } from "@/lib/server/entities/get-entity";
import { canAnnotate } from "@/lib/permissions";
import { FindMentions } from "@/components/entities/find-mentions";
import { MergeEntities } from "@/components/entities/merge-entities";

type Props = { params: Promise<{ entityId: string }> };

const load = cache(async (entityId: string) => getEntity({ entityId, actor: await getActor() }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entity = await load((await params).entityId);
  return { title: entity?.name ?? "Entity not found" };
}

export default async function EntityPage({ params }: Props) {
  const { entityId } = await params;
  await requireReaderPage(`/entities/${entityId}`);
  const entity = await load(entityId);
  if (!entity) notFound();
  const actor = await getActor();
  const articles = new Set(entity.mentions.map((mention) => mention.articleSlug)).size;

  return (
    <section className="mx-auto max-w-3xl">
      <p className="flex items-center gap-2 text-sm text-[var(--muted)]">
        <span aria-hidden className="size-2.5 rounded-sm" style={{ background: entity.type.color }} />
        {entity.type.label}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-semibold">{entity.name}</h1>
      {entity.aliases.length > 0 && (
        <p className="mt-2 text-sm text-[var(--muted)]">
          Also written: <span className="text-[var(--ink)]">{entity.aliases.join(" · ")}</span>
        </p>
      )}
      {/* Keyed by entity: a merge's Undo state belongs to this entity's page only. */}
      {canAnnotate(actor) && <MergeEntities key={entity.id} entityId={entity.id} entityName={entity.name} typeId={entity.typeId} />}
      {actor && <FindMentions key={`find-${entity.id}`} entityId={entity.id} entityName={entity.name} color={entity.type.color} />}
      <h2 className="mt-8 text-sm font-semibold uppercase tracking-wide text-[var(--muted)]">
        {entity.mentions.length === 1 ? "1 mention" : `${entity.mentions.length} mentions`} in {articles === 1 ? "1 article" : `${articles} articles`}
      </h2>
      <ol aria-label="Mentions" className="mt-3 divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
        {entity.mentions.map((mention) => (
          <li key={mention.annotationId} className="py-4">
            <p className="text-xs text-[var(--muted)]">
              <Link href={`/articles/${mention.articleSlug}`} lang={mention.articleLanguage} className="font-medium text-[var(--ink)] hover:underline">
                {mention.articleTitle}
              </Link>{" "}
              {mention.articleArchived && "(archived) "}· paragraph {mention.paragraphPosition} · tagged by {mention.authorName}
            </p>
            <p lang={mention.articleLanguage} dir="auto" className="mt-1.5 font-serif leading-relaxed">
              {mention.before}
              <mark className="rounded-sm px-0.5 text-inherit" style={{ background: `color-mix(in srgb, ${entity.type.color} 22%, transparent)` }}>
                {mention.exact}
              </mark>
              {mention.after}
            </p>
            <Link href={`/articles/${mention.articleSlug}#a-${mention.annotationId}`} className="mt-1 inline-block text-xs text-[var(--accent)] underline">
              Open in the article
            </Link>
          </li>
        ))}
      </ol>
      {(entity.quotes.length > 0 || (SPEAKER_TYPE_KEYS as readonly string[]).includes(entity.type.key)) && (
        <section aria-labelledby="entity-quotes" className="mt-10">
          <h2 id="entity-quotes" className="text-sm font-semibold uppercase tracking-wide text-[var(--muted)]">
            Quotes
          </h2>
          {entity.quotes.length === 0 ? (
            <p className="mt-3 text-sm text-[var(--muted)]">No quotes attributed to {entity.name} yet.</p>
          ) : (
            <ol aria-label={`What ${entity.name} said`} className="mt-3 divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
              {entity.quotes.map((quote) => (
                <li key={quote.annotationId} className="py-4">
                  <blockquote lang={quote.articleLanguage} dir="auto" className="border-l-2 border-[var(--rule)] pl-3 font-serif leading-relaxed">
                    “{quote.exact}”
                  </blockquote>
                  <p className="mt-1.5 text-xs text-[var(--muted)]">
                    <Link href={`/articles/${quote.articleSlug}#a-${quote.annotationId}`} lang={quote.articleLanguage} className="font-medium text-[var(--ink)] underline">
                      {quote.articleTitle}
                    </Link>{" "}
                    {quote.articleArchived && "(archived) "}· <time dateTime={quote.date}>{quote.date.slice(0, 10)}</time> · marked by {quote.authorName}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </section>
  );
}
