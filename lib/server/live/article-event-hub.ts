import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import { EventSequencer, newerThan, SEQUENCER_BATCH } from "@/lib/live/event-sequencer";
import type { PresenceReader, ResetPayload } from "@/lib/live/protocol";
import { asDeletion, liveDelivery, type LiveEventFacts, type Viewer } from "@/lib/live/replay";
import type { ProjectAudience, Visibility } from "@/lib/permissions";
import { readCatchUp } from "@/lib/server/live/catch-up";
import { scheduleEventLogCompaction } from "@/lib/server/live/compact-event-log";
import { ListenConnection } from "@/lib/server/live/listen-connection";
import { joinPresence, leavePresence, PRESENCE_CHANNEL, PresenceBoard, READERS_SQL, type PresenceConnection } from "@/lib/server/live/presence";
import { ARTICLE_EVENTS_CHANNEL } from "@/lib/server/live/publish-event";
import { parseSessionsEnded, SESSIONS_ENDED_CHANNEL } from "@/lib/server/live/sessions-ended";

/** Where a subscriber's messages go (the SSE stream writes them out). */
export interface LiveSink {
  /** Events in id order, each newer than anything sent before, each one this reader may see now. */
  events(events: ArticleEventDTO[]): void;
  /** The client must refetch everything; `cursor` is the event id its refetch covers. */
  reset(reason: ResetPayload["reason"], cursor: string): void;
  presence(readers: PresenceReader[]): void;
  heartbeat(): void;
  /** The hub cannot serve this subscriber any more: end the stream, the client will reconnect and resume. */
  close(): void;
}

export interface SubscribeOptions {
  articleId: string;
  /** Who reads (every event is checked with canRead for them) — signed-in readers also show in presence. */
  viewer: Viewer;
  /** Their session: signing it out closes this feed. */
  sessionId: string | null;
  /** Resume after this event id (Last-Event-ID); null = only what happens from now on. */
  after: bigint | null;
  sink: LiveSink;
}

const HEARTBEAT_MS = 15_000;

interface Subscriber {
  articleId: string;
  viewer: Viewer;
  sessionId: string | null;
  sink: LiveSink;
  connectionId: string;
  /** The newest event id this subscriber has been brought past (sent, filtered out, or reset past); it only moves forward. */
  cursor: bigint;
  /** A catch-up from the table is running; live batches meanwhile only ask it to run once more. */
  syncing: boolean;
  resync: boolean;
  closed: boolean;
  /** The presence list last sent, to send only changes. */
  presenceKey: string | undefined;
  /** The Presence row being written; leaving waits for it, so no row outlives its connection. */
  joining: Promise<void> | null;
}

/** A stored event as read for live delivery: payload and read facts only for watched articles. */
interface EventRow {
  id: string;
  articleId: string;
  audienceId: string | null;
  type: string;
  payload: Record<string, unknown> | null;
  archivedAt: Date | null;
  annotationAuthorId: string | null;
  annotationVisibility: Visibility | null;
  annotationDeletedAt: Date | null;
  /** The article's projects and the event's work layer, as they are now (see LiveEventFacts). */
  articleProjects: ProjectAudience[] | null;
  layer: ProjectAudience | null;
}

/** One DTO (and one deletion form) per row, shared by every subscriber it goes to: the stream caches its encoding per object. */
interface LiveEvent {
  id: string;
  dto: ArticleEventDTO;
  facts: LiveEventFacts;
  deletion?: ArticleEventDTO;
}

const userIdOf = (subscriber: Subscriber) => subscriber.viewer.actor?.id ?? null;

/**
 * The process's live feeds. PostgreSQL is the only shared state: every
 * instance hears every commit's NOTIFY (ids only) on its one LISTEN
 * connection and reads the rows from ArticleEvent, so any instance can serve
 * any reader. The ordering rules live in EventSequencer; what each reader may
 * be sent, in lib/live/replay; catch-ups from the table, in ./catch-up.
 */
class ArticleEventHub {
  private subscribers = new Map<string, Set<Subscriber>>();
  private readonly sequencer = new EventSequencer();
  private initialised = false;
  private readonly connection = new ListenConnection({
    channels: [ARTICLE_EVENTS_CHANNEL, PRESENCE_CHANNEL, SESSIONS_ENDED_CHANNEL],
    onNotification: (channel, payload) => this.onNotification(channel, payload),
    onConnected: (client) => this.onConnected(client),
    onReady: () => {
      // Whatever committed while the connection was away is read from the table now (subscribers keep their cursors).
      void this.advance();
      for (const articleId of this.subscribers.keys()) void this.presence.refresh(articleId);
    },
  });
  private readonly presence = new PresenceBoard(
    (articleId) => this.connection.query<PresenceReader>(READERS_SQL, [articleId]),
    (articleId) => this.subscribers.get(articleId) ?? [],
    () => this.connection.up,
  );
  private advancing = false;
  private advanceAgain = false;
  private gapTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closing = false;

  subscribe({ articleId, viewer, sessionId, after, sink }: SubscribeOptions): () => void {
    if (this.closing) {
      // Shutting down: the browser reconnects after the feed's retry delay, to another instance.
      sink.close();
      return () => {};
    }
    const subscriber: Subscriber = {
      articleId,
      viewer,
      sessionId,
      sink,
      connectionId: randomUUID(),
      cursor: after ?? BigInt(-1),
      syncing: true,
      resync: false,
      closed: false,
      presenceKey: undefined,
      joining: null,
    };
    let set = this.subscribers.get(articleId);
    if (!set) this.subscribers.set(articleId, (set = new Set()));
    set.add(subscriber);
    this.start();
    void this.begin(subscriber, after === null);

    return () => {
      if (subscriber.closed) return;
      subscriber.closed = true;
      const current = this.subscribers.get(articleId);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(articleId);
      subscriber.joining
        ?.catch(() => {})
        .then(() => leavePresence(subscriber.connectionId))
        .catch((error: unknown) => console.error("[live] presence leave failed", error));
    };
  }

  /**
   * Closes every open feed and each one opened from now on (the process is shutting down): the
   * browsers reconnect, with their Last-Event-ID, through the load balancer to another instance.
   * Returns how many feeds were open.
   */
  closeAll(): number {
    this.closing = true;
    let open = 0;
    for (const set of [...this.subscribers.values()]) {
      for (const subscriber of [...set]) {
        subscriber.sink.close();
        open++;
      }
    }
    return open;
  }

  private start(): void {
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
      this.heartbeat.unref();
      scheduleEventLogCompaction();
    }
    this.connection.start();
  }

  /** The first catch-up of a new subscriber, then its presence. */
  private async begin(subscriber: Subscriber, fromNow: boolean): Promise<void> {
    try {
      await this.connection.ready();
      if (subscriber.closed) return;
      if (fromNow) subscriber.cursor = this.sequencer.horizon;
      await this.syncLoop(subscriber, true);
      if (subscriber.closed) return;
      const userId = userIdOf(subscriber);
      if (userId) {
        subscriber.joining = joinPresence({ connectionId: subscriber.connectionId, articleId: subscriber.articleId, userId });
        await subscriber.joining;
      }
      // Also sends the list to this subscriber when joining changed nothing (anonymous, or a second tab).
      void this.presence.refresh(subscriber.articleId);
    } catch (error) {
      console.error("[live] subscribing failed", error);
      subscriber.sink.close();
    }
  }

  // ---- the connection's news ----

  private async onConnected(client: pg.Client): Promise<void> {
    if (!this.initialised) {
      // Starts at the newest event; holes among the last ones may be transactions still committing.
      const { rows } = await client.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "ArticleEvent"`);
      const max = BigInt(rows[0]?.max ?? 0);
      const recent = await client.query<{ id: string }>(`SELECT id::text AS id FROM "ArticleEvent" WHERE id > $1::bigint`, [(max - BigInt(SEQUENCER_BATCH)).toString()]);
      this.sequencer.start(
        max,
        recent.rows.map((row) => BigInt(row.id)),
        Date.now(),
      );
      this.initialised = true;
      return;
    }
    // Notifications of late commits may have been lost with the old connection: look for them in the table.
    const skipped = this.sequencer.skippedIds();
    if (skipped.length === 0) return;
    const { rows } = await client.query<{ id: string; articleId: string; audienceId: string | null }>(
      `SELECT id::text AS id, "articleId", "audienceId" FROM "ArticleEvent" WHERE id = ANY($1::bigint[])`,
      [skipped.map(String)],
    );
    for (const row of rows) this.heard(BigInt(row.id), row.articleId, row.audienceId);
  }

  private onNotification(channel: string, payload: string): void {
    if (channel === PRESENCE_CHANNEL) {
      if (this.subscribers.has(payload)) void this.presence.refresh(payload);
      return;
    }
    if (channel === SESSIONS_ENDED_CHANNEL) {
      const ended = parseSessionsEnded(payload);
      if (ended) this.closeFeeds((subscriber) => (ended.kind === "user" ? userIdOf(subscriber) === ended.id : subscriber.sessionId === ended.id));
      return;
    }
    if (channel !== ARTICLE_EVENTS_CHANNEL) return;
    let parsed: { id: string; articleId: string; audienceId: string | null };
    try {
      parsed = JSON.parse(payload) as typeof parsed;
      this.heard(BigInt(parsed.id), parsed.articleId, parsed.audienceId);
    } catch {
      // not ours
    }
  }

  private heard(id: bigint, articleId: string, audienceId: string | null): void {
    const { late, ahead } = this.sequencer.heard(id, articleId, Date.now());
    if (late) this.arrivedLate(id, articleId, audienceId);
    if (ahead) void this.advance();
  }

  /** Sessions ended (signed out, or the account disabled): those feeds close now, and a reconnect is authorised afresh. */
  private closeFeeds(matches: (subscriber: Subscriber) => boolean): void {
    // Closing unsubscribes, which edits the sets: go through copies.
    for (const set of [...this.subscribers.values()]) for (const subscriber of [...set]) if (matches(subscriber)) subscriber.sink.close();
  }

  // ---- delivery ----

  /** Reads newly committed events (all articles, payloads only for watched ones) and moves the horizon. */
  private async advance(): Promise<void> {
    if (this.advancing) {
      this.advanceAgain = true;
      return;
    }
    this.advancing = true;
    try {
      do {
        this.advanceAgain = false;
        await this.advanceOnce();
      } while (this.advanceAgain && this.connection.up);
    } catch (error) {
      // The connection dropped mid-query: reconnecting runs advance() again.
      if (this.connection.up) console.error("[live] reading events failed", error);
    } finally {
      this.advancing = false;
    }
  }

  private async advanceOnce(): Promise<void> {
    // The article's archiving and a note's annotation are read as they are now: canRead is decided at send time.
    const rows = await this.connection.query<EventRow>(
      `SELECT e.id::text AS id, e."articleId", e."audienceId", e.type,
              CASE WHEN w.watched THEN e.payload END AS payload,
              ar."archivedAt", an."authorId" AS "annotationAuthorId", an.visibility::text AS "annotationVisibility", an."deletedAt" AS "annotationDeletedAt",
              (SELECT json_agg(${PROJECT_AUDIENCE}) FROM "ArticleProject" ap JOIN "Project" p ON p.id = ap."projectId"
                WHERE w.watched AND ap."articleId" = e."articleId") AS "articleProjects",
              (SELECT ${PROJECT_AUDIENCE} FROM "Project" p WHERE w.watched AND p.id = COALESCE(
                 (SELECT a."projectId" FROM "Annotation" a WHERE e.type = 'annotation.upserted' AND a.id = e.payload->'annotation'->>'id'),
                 (SELECT n."projectId" FROM "Note" n WHERE e.type = 'note.upserted' AND n.id = e.payload->'note'->>'id'))) AS "layer"
         FROM "ArticleEvent" e
         CROSS JOIN LATERAL (SELECT e."articleId" = ANY($2::text[]) AS watched) w
         LEFT JOIN "Article" ar ON w.watched AND ar.id = e."articleId"
         LEFT JOIN "Annotation" an ON w.watched AND e.type = 'note.upserted' AND an.id = e.payload->'note'->>'annotationId'
        WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${SEQUENCER_BATCH}`,
      [this.sequencer.horizon.toString(), [...this.subscribers.keys()]],
      // Prepared: run for every commit, it was parsed and planned each time (~2 ms at load 24, 0.2 ms prepared).
      "glossa_live_advance",
    );
    const { settled, retryInMs, more } = this.sequencer.settle(rows, Date.now());
    if (retryInMs !== null) this.armGapTimer(retryInMs);
    if (more) this.advanceAgain = true;
    this.deliver(settled);
  }

  private armGapTimer(delay: number): void {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      void this.advance();
    }, Math.max(10, delay));
    this.gapTimer.unref();
  }

  private deliver(rows: EventRow[]): void {
    const byArticle = new Map<string, EventRow[]>();
    for (const row of rows) {
      if (!this.subscribers.has(row.articleId)) continue;
      const list = byArticle.get(row.articleId);
      if (list) list.push(row);
      else byArticle.set(row.articleId, [row]);
    }
    for (const [articleId, list] of byArticle) {
      // No payload: the article gained its first subscriber while the rows were read; read them from the table.
      const events = list.every((row) => row.payload !== null) ? list.map(toLiveEvent) : null;
      for (const subscriber of this.subscribers.get(articleId) ?? []) {
        if (!events || subscriber.syncing) {
          this.catchUp(subscriber);
          continue;
        }
        const fresh = newerThan(subscriber.cursor, events);
        if (fresh.length === 0) continue;
        subscriber.cursor = BigInt(fresh[fresh.length - 1]!.id);
        const out: ArticleEventDTO[] = [];
        for (const event of fresh) {
          const delivery = liveDelivery(subscriber.viewer, event.facts);
          if (delivery === "send") out.push(event.dto);
          else if (delivery === "delete") out.push((event.deletion ??= asDeletion(event.dto)));
        }
        if (out.length > 0) subscriber.sink.events(out);
      }
    }
  }

  private catchUp(subscriber: Subscriber): void {
    if (subscriber.syncing) {
      subscriber.resync = true;
      return;
    }
    subscriber.syncing = true;
    this.syncLoop(subscriber, false).catch((error: unknown) => {
      console.error("[live] catching up failed", error);
      subscriber.sink.close();
    });
  }

  /**
   * Brings the subscriber from its cursor up to the horizon from the table:
   * the current state of what changed meanwhile, or a reset.
   */
  private async syncLoop(subscriber: Subscriber, initial: boolean): Promise<void> {
    subscriber.syncing = true;
    try {
      do {
        subscriber.resync = false;
        await this.connection.ready();
        if (subscriber.closed) return;
        const upTo = this.sequencer.horizon;
        if (subscriber.cursor >= upTo) continue;
        // An event of this article committed late, below the cursor: a reconnecting client may have missed it.
        const missedLate = initial && this.sequencer.lateAtOrBefore(subscriber.articleId, subscriber.cursor);
        const result = missedLate
          ? ({ kind: "reset", reason: "gap" } as const)
          : await readCatchUp({ articleId: subscriber.articleId, after: subscriber.cursor, upTo, viewer: subscriber.viewer });
        if (subscriber.closed) return;
        subscriber.cursor = upTo;
        if (result.kind === "reset") subscriber.sink.reset(result.reason, upTo.toString());
        else if (result.events.length > 0) subscriber.sink.events(result.events);
        initial = false;
      } while (subscriber.resync && !subscriber.closed);
    } finally {
      subscriber.syncing = false;
    }
  }

  /** A given-up id committed after all: whoever has not passed it catches up from the table; the others refetch. */
  private arrivedLate(id: bigint, articleId: string, audienceId: string | null): void {
    for (const subscriber of this.subscribers.get(articleId) ?? []) {
      if (audienceId !== null && audienceId !== userIdOf(subscriber)) continue;
      if (subscriber.cursor < id) this.catchUp(subscriber);
      else if (!subscriber.syncing) subscriber.sink.reset("gap", subscriber.cursor.toString());
      else subscriber.resync = true;
    }
  }

  private async beat(): Promise<void> {
    const connections: PresenceConnection[] = [];
    for (const set of this.subscribers.values()) {
      for (const subscriber of set) {
        subscriber.sink.heartbeat();
        const userId = userIdOf(subscriber);
        if (userId) connections.push({ connectionId: subscriber.connectionId, articleId: subscriber.articleId, userId });
      }
    }
    this.sequencer.forget(Date.now());
    // Readers of crashed instances expire without a notification: the board recomputes the lists we serve.
    await this.presence.beat(connections, this.subscribers.keys());
  }
}

/**
 * A project as every subscriber's check needs it (ProjectAudience): its access and, when Closed,
 * its members, read with the event so that a member removed a moment ago hears nothing more.
 */
const PROJECT_AUDIENCE = `json_build_object('access', p.access, 'memberIds', CASE WHEN p.access = 'CLOSED'
  THEN COALESCE((SELECT json_agg(m."userId") FROM "ProjectMember" m WHERE m."projectId" = p.id), '[]'::json) ELSE '[]'::json END)`;

function toLiveEvent(row: EventRow): LiveEvent {
  const dto = { ...row.payload, id: row.id } as unknown as ArticleEventDTO;
  const noteAnnotation =
    row.annotationAuthorId && row.annotationVisibility
      ? { authorId: row.annotationAuthorId, visibility: row.annotationVisibility, deletedAt: row.annotationDeletedAt }
      : null;
  return {
    id: row.id,
    dto,
    facts: { event: dto, audienceId: row.audienceId, article: { archivedAt: row.archivedAt }, noteAnnotation, articleProjects: row.articleProjects ?? [], layer: row.layer },
  };
}

const cache = globalThis as unknown as { glossaArticleEventHub?: ArticleEventHub };

/** The process's hub, kept on globalThis so that dev reloads do not open a second LISTEN connection. */
function hub(): ArticleEventHub {
  return (cache.glossaArticleEventHub ??= new ArticleEventHub());
}

/**
 * Subscribes to an article's live feed: first what changed after `after`
 * that this reader may see now (in its current state, or a reset), then
 * every new change as it commits, checked for this reader at send time, plus
 * presence. Returns the unsubscribe function (call it when the client goes
 * away: it also removes the reader from presence).
 */
export function subscribeToArticle(options: SubscribeOptions): () => void {
  return hub().subscribe(options);
}

/** Closes the process's live feeds for good (graceful shutdown); returns how many were open. */
export function closeAllFeeds(): number {
  return hub().closeAll();
}
