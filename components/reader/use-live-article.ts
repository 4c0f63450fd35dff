"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { AnnotationDTO, ArticleEventDTO, NoteDTO } from "@/lib/annotations/types";
import type { AnnotationStore } from "@/lib/client/annotation-store";
import { api } from "@/lib/client/api";
import { applyLiveEvent } from "@/lib/client/apply-live-event";
import { ARTICLE_EVENT_TYPES, compareEventIds, PRESENCE_EVENT, RESET_EVENT, type PresencePayload, type PresenceReader, type ResetPayload } from "@/lib/live/protocol";

export type LiveStatus = "connecting" | "live" | "reconnecting";

interface Snapshot {
  annotations: AnnotationDTO[];
  notes: NoteDTO[];
  lastEventId: string;
}

/**
 * Follows the article's live feed (Server-Sent Events) and applies every
 * change to the store: idempotent (our own writes may be there already) and
 * never replacing a newer version with an older one. A `reset` or a new
 * revision refetches everything. EventSource resumes by itself with
 * Last-Event-ID; when it gives up (or the browser went offline) we reopen
 * from the last id we saw.
 */
export function useLiveArticle({ articleId, lastEventId, store }: { articleId: string; lastEventId: string; store: AnnotationStore }): {
  status: LiveStatus;
  readers: PresenceReader[];
} {
  const router = useRouter();
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [readers, setReaders] = useState<PresenceReader[]>([]);
  // Only the first render's id matters: afterwards the feed itself tells us where we are.
  const startAfter = useRef(lastEventId);

  useEffect(() => {
    let disposed = false;
    let source: EventSource | null = null;
    let cursor = startAfter.current;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let refetching = false;
    let refetchAgain = false;
    let buffered: ArticleEventDTO[] = [];

    const apply = (event: ArticleEventDTO) => {
      if (applyLiveEvent(store, event) === "refetch") void refetch(true);
    };

    /** Replaces the store with the server's current view; events arriving meanwhile are applied after it. */
    const refetch = async (revised: boolean) => {
      // New text means new paragraphs, which come from the server render.
      if (revised) routerRef.current.refresh();
      if (refetching) {
        refetchAgain = true;
        return;
      }
      refetching = true;
      try {
        do {
          refetchAgain = false;
          buffered = [];
          const result = await api<Snapshot>("GET", `/api/articles/${encodeURIComponent(articleId)}/annotations`);
          if (disposed) return;
          if (!result.ok) {
            await new Promise((resolve) => setTimeout(resolve, 2000));
            refetchAgain = true;
            continue;
          }
          store.reset(result.data.annotations, result.data.notes);
          const pending = buffered;
          buffered = [];
          for (const event of pending) if (compareEventIds(event.id, result.data.lastEventId) > 0) apply(event);
        } while (refetchAgain && !disposed);
      } finally {
        refetching = false;
      }
    };

    const onStored = (message: MessageEvent<string>) => {
      if (message.lastEventId) cursor = message.lastEventId;
      let event: ArticleEventDTO;
      try {
        event = JSON.parse(message.data) as ArticleEventDTO;
      } catch {
        return;
      }
      if (refetching && event.type !== "article.revised") buffered.push(event);
      else apply(event);
    };
    const onReset = (message: MessageEvent<string>) => {
      if (message.lastEventId) cursor = message.lastEventId;
      let reason: ResetPayload["reason"] = "gap";
      try {
        reason = (JSON.parse(message.data) as ResetPayload).reason;
      } catch {
        // a reset is a reset
      }
      void refetch(reason === "revised");
    };
    const onPresence = (message: MessageEvent<string>) => {
      try {
        setReaders((JSON.parse(message.data) as PresencePayload).readers);
      } catch {
        // ignore a malformed list; the next one replaces it
      }
    };

    const connect = () => {
      if (disposed) return;
      clearTimeout(retryTimer);
      source?.close();
      const opened = new EventSource(`/api/articles/${encodeURIComponent(articleId)}/events?after=${encodeURIComponent(cursor)}`);
      source = opened;
      opened.onopen = () => {
        attempts = 0;
        setStatus("live");
      };
      opened.onerror = () => {
        if (source !== opened) return;
        setStatus("reconnecting");
        // CONNECTING: the browser retries by itself. CLOSED (an error status, e.g. a restarting server): we retry.
        if (opened.readyState === EventSource.CLOSED) {
          opened.close();
          source = null;
          retryTimer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** attempts++));
        }
      };
      for (const type of ARTICLE_EVENT_TYPES) opened.addEventListener(type, onStored);
      opened.addEventListener(RESET_EVENT, onReset);
      opened.addEventListener(PRESENCE_EVENT, onPresence);
    };

    // A dropped network does not always error the stream at once: close it, and resume as soon as we are back.
    const onOffline = () => {
      clearTimeout(retryTimer);
      source?.close();
      source = null;
      setStatus("reconnecting");
    };
    const onOnline = () => {
      attempts = 0;
      connect();
    };

    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    connect();
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      source?.close();
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
    };
  }, [articleId, store]);

  return { status, readers };
}
