"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";
import { unpackReaderState } from "@/lib/annotations/packing";
import type { AnnotationStore } from "@/lib/client/annotation-store";
import { api } from "@/lib/client/api";
import type { ArticleTextDTO } from "@/lib/server/articles/get-article-text";
import type { ReaderParagraph } from "@/components/reader/reader-context";

export type TextStatus = "complete" | "loading" | "retrying";

/**
 * The article's paragraphs: the first screens came with the page; the rest load
 * in stretches right after, with their annotations and notes merged into the
 * store. A long article is readable (and annotatable) at once instead of after
 * megabytes of HTML. A failed stretch is retried with backoff; a new revision
 * meanwhile reloads the page's text.
 */
export function useArticleText({
  articleId,
  revision,
  initialParagraphs,
  paragraphCount,
  store,
}: {
  articleId: string;
  revision: number;
  initialParagraphs: ReaderParagraph[];
  paragraphCount: number;
  store: AnnotationStore;
}): { paragraphs: ReaderParagraph[]; status: TextStatus } {
  const router = useRouter();
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);
  const [paragraphs, setParagraphs] = useState(initialParagraphs);
  const [status, setStatus] = useState<TextStatus>(initialParagraphs.length < paragraphCount ? "loading" : "complete");
  // The last position loaded: survives an effect re-run, so no stretch is added twice.
  const loadedUpTo = useRef(initialParagraphs.at(-1)?.position ?? 0);
  const needsMore = status !== "complete";

  useEffect(() => {
    if (!needsMore) return;
    let cancelled = false;
    const load = async () => {
      for (let failures = 0; !cancelled; ) {
        const result = await api<ArticleTextDTO>("GET", `/api/articles/${encodeURIComponent(articleId)}/text?revision=${revision}&after=${loadedUpTo.current}`);
        if (cancelled) return;
        if (!result.ok) {
          // The text changed underneath: the page comes back with the new revision.
          if (result.status === 409) return routerRef.current.refresh();
          setStatus("retrying");
          await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** failures++)));
          continue;
        }
        failures = 0;
        const { paragraphs: more, state, done } = result.data;
        loadedUpTo.current = more.at(-1)?.position ?? loadedUpTo.current;
        const { annotations, notes } = unpackReaderState(state, articleId, more);
        store.merge(annotations, notes);
        const finished = done || more.length === 0;
        // A transition: rendering hundreds of paragraphs must not hold up the reader's typing or scrolling.
        startTransition(() => {
          setParagraphs((current) => [...current, ...more]);
          setStatus(finished ? "complete" : "loading");
        });
        if (finished) {
          performance.mark("glossa:reader-text-complete");
          return;
        }
      }
    };
    void load();
    return () => {
      cancelled = true;
    };
    // Loads once per mounted text: the page remounts the reader for a new revision.
  }, [articleId, revision, store, needsMore]);

  return { paragraphs, status };
}
