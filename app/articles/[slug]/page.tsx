import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatDate, languageName } from "@/lib/format";
import { getArticle } from "@/lib/server/articles/get-article";

export const dynamic = "force-dynamic";

const loadArticle = cache(getArticle);

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(decodeURIComponent((await params).slug));
  return { title: article?.title ?? "Article not found" };
}

export default async function ReaderPage({ params }: Props) {
  const article = await loadArticle(decodeURIComponent((await params).slug));
  if (!article) notFound();

  return (
    <article lang={article.language} className="mx-auto max-w-[65ch]">
      <header className="mb-10">
        <h1 dir="auto" className="font-serif text-[2.1rem] font-semibold leading-tight tracking-tight">
          {article.title}
        </h1>
        <p lang="en" className="mt-3 text-sm text-[var(--muted)]">
          {[article.source, article.author, article.publishedAt && formatDate(article.publishedAt), languageName(article.language)]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </header>
      <div className="reader-text space-y-5">
        {article.paragraphs.map((paragraph) => (
          <p key={paragraph.id} id={`p-${paragraph.position}`} dir="auto">
            {paragraph.text}
          </p>
        ))}
      </div>
    </article>
  );
}
