"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";
import { unpackReaderState } from "@/lib/annotations/packing";
import type { AnnotationStore } from "@/lib/client/annotation-store";
import { api } from "@/lib/client/api";
import type { ArticleTextDTO } from "@/lib/server/articles/get-article-text";
import type { ReaderParagraph } from "@/components/reader/reader-context";
import { textStretchStarts, textStretchUrl } from "@/components/reader/text-stretches";

export type TextStatus = "complete" | "loading" | "retrying";

/**
 * The article's paragraphs: the first screens came with the page; the rest load
 * right after, in stretches asked for all at once, with their annotations and notes
 * merged into the store. A long article is readable (and annotatable) at once instead
 * of after megabytes of HTML. A failed stretch is retried with backoff; a new revision
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
    /** One stretch, retried with backoff until it comes; null when this text is done for (unmounted, or a new revision). */
    const fetchStretch = async (after: number): Promise<ArticleTextDTO | null> => {
      for (let failures = 0; !cancelled; ) {
        // The URL the page preloaded (textStretchUrl): the first try takes the answer already on its way.
        const result = await api<ArticleTextDTO>("GET", textStretchUrl(articleId, revision, after));
        if (cancelled) return null;
        if (result.ok) return result.data;
        // The text changed underneath: the page comes back with the new revision (once, for all the stretches).
        if (result.status === 409) {
          cancelled = true;
          routerRef.current.refresh();
          return null;
        }
        setStatus("retrying");
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** failures++)));
      }
      return null;
    };
    const load = async () => {
      while (!cancelled) {
        // Every remaining stretch is asked for at once, so the server prepares them side by side
        // instead of one round trip after another; they are applied in reading order. Were there gaps
        // in the positions, a stretch would reach past the next one's start (the overlap is skipped),
        // and the loop asks again from the end.
        const stretches = textStretchStarts(loadedUpTo.current, paragraphCount).map(fetchStretch);
        for (const pending of stretches) {
          const stretch = await pending;
          if (!stretch) return;
          const more = stretch.paragraphs.filter((paragraph) => paragraph.position > loadedUpTo.current);
          loadedUpTo.current = more.at(-1)?.position ?? loadedUpTo.current;
          const { annotations, notes } = unpackReaderState(stretch.state, articleId, stretch.paragraphs);
          store.merge(annotations, notes);
          const finished = stretch.done || stretch.paragraphs.length === 0;
          // A transition: rendering hundreds of paragraphs must not hold up the reader's typing or scrolling.
          startTransition(() => {
            setParagraphs((current) => [...current, ...more]);
            setStatus(finished ? "complete" : "loading");
          });
          if (finished) return;
        }
      }
    };
    void load();
    return () => {
      cancelled = true;
    };
    // Loads once per mounted text: the page remounts the reader for a new revision.
  }, [articleId, revision, paragraphCount, store, needsMore]);

  // The whole text is in the document (findable, selectable), for browser tooling: after the commit
  // that rendered the last stretch, not when its data arrived.
  const loadedLater = initialParagraphs.length < paragraphCount;
  useEffect(() => {
    if (status === "complete" && loadedLater) performance.mark("glossa:reader-text-complete");
  }, [status, loadedLater]);

  return { paragraphs, status };
}
