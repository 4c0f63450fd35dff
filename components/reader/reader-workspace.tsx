"use client";

import { flushSync } from "react-dom";
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { unpackReaderState, type PackedReaderState } from "@/lib/annotations/packing";
import type { EntityTypeDTO, Visibility } from "@/lib/annotations/types";
import { AnnotationStore, PENDING } from "@/lib/client/annotation-store";
import { canAnnotate, type Actor } from "@/lib/permissions";
import dynamic from "next/dynamic";
import { IntentLink } from "@/components/intent-link";
import { Drawer } from "@/components/reader/drawer";
import { ExportMenu } from "@/components/reader/export-menu";
import { MentionSuggestions, MentionSuggestionsOffer, useSuggestMentions, type MentionSuggestionsState } from "@/components/reader/mention-suggestions";
import { ParagraphView } from "@/components/reader/paragraph-view";
import { Presence } from "@/components/reader/presence";
import { ReaderContext, type ReaderContextValue, type ReaderParagraph } from "@/components/reader/reader-context";
import { SelectionToolbar } from "@/components/reader/selection-toolbar";
import { Toast, useToast } from "@/components/reader/toast";
import { useArticleText } from "@/components/reader/use-article-text";
import { useLiveArticle } from "@/components/reader/use-live-article";

export interface ReaderWorkspaceProps {
  articleId: string;
  slug: string;
  revision: number;
  /** The first screens of text; the rest (up to `paragraphCount`) loads right after. */
  paragraphs: ReaderParagraph[];
  paragraphCount: number;
  /** The annotations and notes on `paragraphs`, packed (see lib/annotations/packing). */
  initialState: PackedReaderState;
  lastEventId: string;
  actor: Actor | null;
  entityTypes: EntityTypeDTO[];
  /** Whether the reader may annotate in the project layer shown (their project role there; default: their site role). */
  canAnnotate?: boolean;
  /** The project layer shown (null: the article is in no project): what the Export menu exports. */
  layer?: string | null;
  /** Server-rendered extras placed above the text (e.g. Needs review). */
  children?: ReactNode;
}

/*
 * What opens on demand (side panel, agreement, annotation details, note threads with their Markdown,
 * quote finder) is code of its own, fetched once the reader is interactive: the page's first
 * script is the text, its marks and the selection toolbar. Nothing of these renders on the server.
 */
const loadAgreementPanel = () => import("@/components/reader/agreement-panel");
const loadAnnotationsPanel = () => import("@/components/reader/annotations-panel");
const loadAnnotationDetails = () => import("@/components/reader/annotation-details");
const loadNoteThreads = () => import("@/components/notes/note-threads");
const loadQuoteSuggestions = () => import("@/components/reader/quote-suggestions");
const AgreementPanel = dynamic(() => loadAgreementPanel().then((module) => module.AgreementPanel), { ssr: false });
const AnnotationsPanel = dynamic(() => loadAnnotationsPanel().then((module) => module.AnnotationsPanel), { ssr: false });
const AnnotationDetails = dynamic(() => loadAnnotationDetails().then((module) => module.AnnotationDetails), { ssr: false });
const NoteThreads = dynamic(() => loadNoteThreads().then((module) => module.NoteThreads), { ssr: false });
const QuoteSuggestions = dynamic(() => loadQuoteSuggestions().then((module) => module.QuoteSuggestions), { ssr: false });

/** Paragraphs whose annotations render on the server; the rest paint as they near the viewport. */
const PAINTED_AT_FIRST = 40;

type Open = { kind: "annotation"; id: string } | { kind: "notes"; paragraphId: string } | null;

/**
 * One stretch of the text as it came (the first screens, or 500 paragraphs loaded after), its
 * paragraphs straight in the text's element (no wrapper: the page's structure is the same). A new
 * stretch mounts as one subtree, inserted at once; 500 paragraphs appended one by one beside those
 * on the page cost React a search for each one's place past all the others being appended (its
 * getHostSibling was 7% of the main thread from load to whole text, Chromium profile, 2,000 paragraphs).
 */
const TextStretch = memo(function TextStretch({ paragraphs }: { paragraphs: ReaderParagraph[] }) {
  return paragraphs.map((paragraph) => <ParagraphView key={paragraph.id} paragraph={paragraph} />);
});

/**
 * Scrolls `element` to the middle of the screen: smoothly when it is near, at once when it is far.
 * Paragraphs the browser skipped (content-visibility) take their real height as they are rendered,
 * which moves a far target while a smooth scroll chases it, so a far jump is instant and aimed again
 * each frame until the target has stayed put for three frames (at most 20).
 */
function centerInView(element: HTMLElement) {
  const offCentre = () => {
    const box = element.getBoundingClientRect();
    return box.top + box.height / 2 - window.innerHeight / 2;
  };
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  if (!reduceMotion && Math.abs(offCentre()) < 2 * window.innerHeight) return element.scrollIntoView({ block: "center", behavior: "smooth" });
  element.scrollIntoView({ block: "center" });
  let aimedAt = offCentre();
  let steadyFrames = 0;
  let frames = 0;
  const settle = () => {
    if (Math.abs(offCentre() - aimedAt) < 1) steadyFrames++;
    else {
      element.scrollIntoView({ block: "center" });
      aimedAt = offCentre();
      steadyFrames = 0;
    }
    if (steadyFrames < 3 && ++frames < 20) requestAnimationFrame(settle);
  };
  requestAnimationFrame(settle);
}

/** The interactive reader: paragraphs with their annotations, the selection toolbar, details, threads and the side panel. */
export function ReaderWorkspace({ articleId, slug, revision, paragraphs: firstParagraphs, paragraphCount, initialState, lastEventId, actor, entityTypes, canAnnotate: canAnnotateLayer, layer = null, children }: ReaderWorkspaceProps) {
  const [store] = useState(() => {
    const { annotations, notes } = unpackReaderState(initialState, articleId, firstParagraphs);
    return new AnnotationStore(annotations, notes, firstParagraphs.slice(0, PAINTED_AT_FIRST).map((paragraph) => paragraph.id));
  });
  const live = useLiveArticle({ articleId, lastEventId, store });
  const text = useArticleText({ articleId, revision, initialParagraphs: firstParagraphs, paragraphCount, store });
  const paragraphs = text.paragraphs;
  const [visibility, setVisibility] = useState<Visibility>("SHARED");
  const [open, setOpen] = useState<Open>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [findingQuotes, setFindingQuotes] = useState(false);
  // One Suggestions region at a time: Find quotes, or the other mentions of an entity just tagged.
  const [mentionSuggestions, setMentionSuggestions] = useState<MentionSuggestionsState | null>(null);
  const openMentionSuggestions = useCallback((state: MentionSuggestionsState) => setMentionSuggestions(state), []);
  const suggestMentions = useSuggestMentions(articleId, openMentionSuggestions);
  const [hideOthers, setHideOthers] = useState(false);
  const { toast, notify, dismiss } = useToast();
  const textRef = useRef<HTMLDivElement>(null);
  const canWrite = canAnnotateLayer ?? canAnnotate(actor);

  const openAnnotation = useCallback((id: string) => setOpen({ kind: "annotation", id }), []);
  const openNotes = useCallback((paragraphId: string) => setOpen({ kind: "notes", paragraphId }), []);

  // Stable while text loads: every paragraph reads it, and none should re-render when more text arrives.
  const context = useMemo<ReaderContextValue>(
    () => ({ articleId, store, actor, canWrite, entityTypes, visibility, setVisibility, openAnnotation, openNotes, notify, suggestMentions }),
    [articleId, store, actor, canWrite, entityTypes, visibility, openAnnotation, openNotes, notify, suggestMentions],
  );

  // Paint paragraphs' marks as they come within a couple of screens of the viewport.
  const paintObserver = useRef<IntersectionObserver | null>(null);
  useEffect(() => {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const id = (entry.target as HTMLElement).dataset.paintId;
          observer.unobserve(entry.target);
          if (id) store.paint(id);
        }
      },
      { rootMargin: "2000px 0px" },
    );
    paintObserver.current = observer;
    return () => observer.disconnect();
  }, [store]);
  // Observing an element twice is a no-op, so each new stretch of text just adds its own.
  useEffect(() => {
    textRef.current?.querySelectorAll("[data-paint-id]").forEach((element) => paintObserver.current?.observe(element));
  }, [paragraphs]);

  /** Scrolls to an annotation (or a paragraph), flashes it and opens it; false if its text is not on the page yet. */
  const reveal = useCallback(
    (target: { annotationId?: string; paragraphId: string }): boolean => {
      flushSync(() => store.paint(target.paragraphId));
      const mark = target.annotationId ? textRef.current?.querySelector<HTMLElement>(`mark[data-annotation-id="${CSS.escape(target.annotationId)}"]`) : null;
      const element = mark ?? textRef.current?.querySelector<HTMLElement>(`[data-paragraph-id="${CSS.escape(target.paragraphId)}"]`);
      if (!element) return false;
      centerInView(element);
      const flashed = mark ? textRef.current!.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(target.annotationId!)}"]`) : [element];
      flashed.forEach((piece) => {
        piece.classList.remove("flash");
        void piece.offsetWidth; // restart the animation
        piece.classList.add("flash");
      });
      if (target.annotationId) setOpen({ kind: "annotation", id: target.annotationId });
      else setOpen({ kind: "notes", paragraphId: target.paragraphId });
      return true;
    },
    [store],
  );

  // Marks the moment the reader can take input (read by the benchmark and by browser tooling), then
  // fetches the on-demand parts while the reader is idle, so opening one does not wait for the network.
  useEffect(() => {
    performance.mark("glossa:reader-interactive");
    const prefetch = () => [loadAnnotationDetails, loadNoteThreads, loadAnnotationsPanel, loadAgreementPanel, loadQuoteSuggestions].forEach((load) => void load());
    if (typeof requestIdleCallback !== "function") return void setTimeout(prefetch, 1000);
    const idle = requestIdleCallback(prefetch, { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, []);

  // Deep links: #a-<annotationId> opens the article at that annotation; #p-N scrolls to paragraph N.
  // Either may lie in text that loads after the first screens: try again as each stretch arrives, and
  // once the last one's annotations are in (a stretch's annotations follow its text, see useArticleText).
  const followedHash = useRef<string | null>(null);
  useEffect(() => {
    const follow = () => {
      const hash = window.location.hash;
      if (followedHash.current === hash) return;
      const annotationMatch = /^#a-(.+)$/.exec(hash);
      const annotation = annotationMatch ? store.annotation(decodeURIComponent(annotationMatch[1]!)) : undefined;
      if (annotation && reveal({ annotationId: annotation.id, paragraphId: annotation.paragraphId })) followedHash.current = hash;
      const paragraph = /^#p-\d+$/.test(hash) ? document.getElementById(hash.slice(1)) : null;
      if (paragraph) {
        paragraph.scrollIntoView({ block: "start" });
        followedHash.current = hash;
      }
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [reveal, store, paragraphs, text.status]);

  // One listener for every mark: click or Enter opens its details.
  const onTextActivate = (event: React.MouseEvent | React.KeyboardEvent) => {
    if ("key" in event && event.key !== "Enter") return;
    if (!("key" in event) && !document.getSelection()?.isCollapsed) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>("mark[data-annotation-id]");
    const id = mark?.dataset.annotationId;
    if (id && !id.startsWith(PENDING)) {
      event.preventDefault();
      openAnnotation(id);
    }
  };

  const openParagraph = open?.kind === "notes" ? paragraphs.find((paragraph) => paragraph.id === open.paragraphId) : undefined;

  return (
    <ReaderContext.Provider value={context}>
      <div className="mb-6 flex flex-wrap items-center gap-3 border-y border-[var(--rule)] py-2 font-sans text-sm" lang="en">
        <button type="button" onClick={() => setPanelOpen((value) => !value)} aria-expanded={panelOpen} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          {panelOpen ? "Hide annotations" : "Show annotations"}
        </button>
        <ExportMenu articleId={articleId} layer={layer} />
        <button type="button" onClick={() => setAgreementOpen((value) => !value)} aria-expanded={agreementOpen} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          Agreement
        </button>
        {canWrite && (
          <button
            type="button"
            onClick={() => {
              setMentionSuggestions(null);
              setFindingQuotes(true);
            }}
            aria-expanded={findingQuotes} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
            Find quotes
          </button>
        )}
        {actor && (
          <label className="flex items-center gap-1.5 text-[var(--muted)]">
            <input type="checkbox" checked={hideOthers} onChange={(event) => setHideOthers(event.target.checked)} />
            Hide others&apos; annotations
          </label>
        )}
        <span className="ml-auto text-[var(--muted)]">
          {!actor ? (
            <IntentLink href={`/sign-in?next=${encodeURIComponent(`/articles/${slug}`)}`} className="font-medium text-[var(--accent)] underline">
              Sign in to annotate
            </IntentLink>
          ) : canWrite ? (
            "Select text to highlight, tag or note it."
          ) : (
            "You are a Reader: you can read and follow along, not annotate."
          )}
        </span>
        <Presence readers={live.readers} status={live.status} />
      </div>
      {children}
      {agreementOpen && <AgreementPanel paragraphs={paragraphs} complete={text.status === "complete"} />}
      <div
        ref={textRef}
        data-article-id={articleId}
        className={`reader-text space-y-5 ${hideOthers ? "hide-others" : ""}`}
        onClick={onTextActivate}
        onKeyDown={onTextActivate}
      >
        {text.stretches.map((stretch) => (
          <TextStretch key={stretch[0]!.id} paragraphs={stretch} />
        ))}
      </div>
      {canWrite && <SelectionToolbar articleRef={textRef} />}
      {panelOpen && <AnnotationsPanel paragraphs={paragraphs} complete={text.status === "complete"} onClose={() => setPanelOpen(false)} onChoose={reveal} />}
      {findingQuotes && text.status === "complete" && <QuoteSuggestions paragraphs={paragraphs} onClose={() => setFindingQuotes(false)} />}
      {mentionSuggestions &&
        (mentionSuggestions.reviewing ? (
          <MentionSuggestions key={`${mentionSuggestions.entity.id}:${mentionSuggestions.suggestions[0]?.id}`} state={mentionSuggestions} onClose={() => setMentionSuggestions(null)} />
        ) : (
          <MentionSuggestionsOffer
            state={mentionSuggestions}
            onReview={() => {
              setFindingQuotes(false);
              setMentionSuggestions({ ...mentionSuggestions, reviewing: true });
            }}
            onDismiss={() => setMentionSuggestions(null)}
          />
        ))}
      {open?.kind === "annotation" && <AnnotationDetails annotationId={open.id} onClose={() => setOpen(null)} />}
      {openParagraph && (
        <Drawer label={`Notes on paragraph ${openParagraph.position}`} title={`Notes on paragraph ${openParagraph.position}`} onClose={() => setOpen(null)}>
          <blockquote dir="auto" className="line-clamp-4 border-l-2 border-[var(--rule)] pl-3 font-serif text-[var(--muted)]">
            {openParagraph.text}
          </blockquote>
          <NoteThreads paragraphId={openParagraph.id} />
        </Drawer>
      )}
      {text.status !== "complete" && (
        <p role="status" lang="en" className="mt-8 text-center font-sans text-sm text-[var(--muted)]">
          {text.status === "loading" ? `Loading the rest of the article (${paragraphs.length} of ${paragraphCount} paragraphs)…` : "Could not load the rest of the article; trying again…"}
        </p>
      )}
      <Toast toast={toast} onDismiss={dismiss} />
    </ReaderContext.Provider>
  );
}
