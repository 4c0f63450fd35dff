"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { unpackReaderState } from "@/lib/annotations/packing";
import type { AnnotationStore } from "@/lib/client/annotation-store";
import { api } from "@/lib/client/api";
import type { ArticleTextDTO } from "@/lib/server/articles/get-article-text";
import type { ReaderParagraph } from "@/components/reader/reader-context";
import { textStretchStarts, textStretchUrl } from "@/lib/reading/text-stretches";

export type TextStatus = "complete" | "loading" | "retrying";

/** Someone waiting for the page to show the text up to `upTo` (resolved after the commit that renders it). */
interface TextWaiter {
  upTo: number;
  resolve: () => void;
}

/**
 * The article's paragraphs: the first screens came with the page; the rest load
 * right after, in stretches asked for all at once, with their annotations and notes
 * merged into the store. A long article is readable (and annotatable) at once instead
 * of after megabytes of HTML. A failed stretch is retried with backoff; a new revision
 * meanwhile reloads the page's text.
 *
 * Text first: a stretch's notes go into the store with its text (the margin buttons render with
 * their counts), its annotations right after that text is rendered. Turning 2,500 packed
 * annotations into objects and merging them cost as much main-thread time as rendering their 500
 * paragraphs (Chromium profile of the 2,000-paragraph benchmark), and none of it is needed to show
 * text that is still off-screen: paragraphs near the viewport get their marks when the annotations
 * arrive, the rest when they are painted. `status` turns "complete" only once the last stretch's
 * annotations are in, so whole-article views (side panel, agreement, quote finder) wait for them.
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
}): { paragraphs: ReaderParagraph[]; stretches: ReaderParagraph[][]; status: TextStatus } {
  const router = useRouter();
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);
  // The text as it came, stretch by stretch (the first screens, then each stretch loaded): the page
  // mounts each stretch as one new subtree (see ReaderWorkspace's TextStretch).
  const [stretches, setStretches] = useState<ReaderParagraph[][]>(() => [initialParagraphs]);
  const paragraphs = useMemo(() => (stretches.length === 1 ? stretches[0]! : stretches.flat()), [stretches]);
  const [status, setStatus] = useState<TextStatus>(initialParagraphs.length < paragraphCount ? "loading" : "complete");
  // The last position loaded: survives an effect re-run, so no stretch is added twice.
  const loadedUpTo = useRef(initialParagraphs.at(-1)?.position ?? 0);
  // The annotations of stretches whose text is on its way to the page wait here for it.
  const textWaiters = useRef<TextWaiter[]>([]);
  // The last position on the page (committed): a stretch that added nothing waits for no commit.
  const shownUpTo = useRef(initialParagraphs.at(-1)?.position ?? 0);
  const needsMore = status !== "complete";

  useEffect(() => {
    if (!needsMore) return;
    let cancelled = false;
    /** One stretch, retried with backoff until it comes; null when this text is done for (unmounted, or a new revision). */
    const fetchStretch = async (after: number): Promise<ArticleTextDTO | null> => {
      for (let failures = 0; !cancelled; ) {
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
    /** Resolves once the page shows the text up to `upTo` (see the effect below). */
    const shown = (upTo: number) => (upTo <= shownUpTo.current ? Promise.resolve() : new Promise<void>((resolve) => textWaiters.current.push({ upTo, resolve })));
    const load = async () => {
      // The annotations merged so far, in reading order.
      let marked = Promise.resolve();
      while (!cancelled) {
        // Every remaining stretch is asked for at once, so the server prepares them side by side
        // instead of one round trip after another; they are applied in reading order. Were there gaps
        // in the positions, a stretch would reach past the next one's start (the overlap is skipped),
        // and the loop asks again from the end.
        const pendings = textStretchStarts(loadedUpTo.current, paragraphCount).map(fetchStretch);
        // Which answers are in already (set as each arrives, so known before the loop reaches it).
        const arrived = pendings.map((pending) => {
          const flag = { in: false };
          void pending.then(() => (flag.in = true));
          return flag;
        });
        // Stretches whose text is on its way to the page and whose annotations are not merged yet.
        let unmarked: { stretch: ArticleTextDTO; onPage: Promise<void> }[] = [];
        for (const [index, pending] of pendings.entries()) {
          const stretch = await pending;
          if (!stretch) return;
          const more = stretch.paragraphs.filter((paragraph) => paragraph.position > loadedUpTo.current);
          loadedUpTo.current = more.at(-1)?.position ?? loadedUpTo.current;
          // The notes now (a few hundred, cheap): the paragraphs render once, with their margin counts.
          store.merge([], unpackReaderState({ ...stretch.state, annotations: [] }, articleId, stretch.paragraphs).notes);
          const finished = stretch.done || stretch.paragraphs.length === 0;
          unmarked.push({ stretch, onPage: shown(loadedUpTo.current) });
          // A transition: rendering hundreds of paragraphs must not hold up the reader's typing or scrolling.
          startTransition(() => {
            if (more.length > 0) setStretches((current) => [...current, more]);
            setStatus("loading");
          });
          // Its annotations once its text is rendered, and after the text of every stretch already
          // arrived (whose rendering would otherwise wait behind unpacking and merging thousands of
          // annotations): paragraphs near the viewport then paint their marks.
          if (finished || !arrived[index + 1]?.in) {
            const batch = unmarked;
            unmarked = [];
            marked = Promise.all([marked, ...batch.map(({ onPage }) => onPage)]).then(() => {
              if (!cancelled) store.merge(batch.flatMap(({ stretch }) => unpackReaderState({ ...stretch.state, notes: [] }, articleId, stretch.paragraphs).annotations), []);
            });
          }
          if (finished) {
            await marked;
            if (!cancelled) setStatus("complete");
            return;
          }
        }
      }
    };
    void load();
    return () => {
      cancelled = true;
    };
    // Loads once per mounted text: the page remounts the reader for a new revision.
  }, [articleId, revision, paragraphCount, store, needsMore]);

  // After each commit of text: whoever waits for it to be on the page goes on.
  useEffect(() => {
    shownUpTo.current = paragraphs.at(-1)?.position ?? 0;
    textWaiters.current = textWaiters.current.filter((waiter) => {
      if (waiter.upTo > shownUpTo.current) return true;
      waiter.resolve();
      return false;
    });
  }, [paragraphs]);

  // The whole text is in the document (findable, selectable) with its annotations, for browser tooling:
  // after the commit that rendered the last stretch and the merge of its annotations, not when its data arrived.
  const loadedLater = initialParagraphs.length < paragraphCount;
  useEffect(() => {
    if (status === "complete" && loadedLater) performance.mark("glossa:reader-text-complete");
  }, [status, loadedLater]);

  return { paragraphs, stretches, status };
}
