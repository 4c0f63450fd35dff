import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { PresenceReader, ResetPayload } from "@/lib/live/protocol";
import { ARTICLE_EVENTS_CHANNEL } from "@/lib/server/live/publish-event";
import { joinPresence, leavePresence, PRESENCE_CHANNEL, READERS_SQL, touchPresence } from "@/lib/server/live/presence";
import { SESSIONS_ENDED_CHANNEL } from "@/lib/server/live/sessions-ended";

/** Where a subscriber's messages go (the SSE route writes them to its stream). */
export interface LiveSink {
  /** Stored events, in id order, each newer than anything sent before. */
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
  /** The signed-in reader (sees shared events plus their own private ones, and shows in presence), or null. */
  userId: string | null;
  /** Resume after this event id (Last-Event-ID); null = only what happens from now on. */
  after: bigint | null;
  sink: LiveSink;
}

/** More missed events than this and the client refetches instead of replaying. */
export const MAX_REPLAY = 500;
/** How long a hole in the id sequence may stay open (a transaction that took an id but has not committed) before moving on. */
const GAP_TIMEOUT_MS = 750;
const HEARTBEAT_MS = 15_000;
const BATCH = 1000;
const FORGET_AFTER_MS = 10 * 60_000;

interface Subscriber {
  articleId: string;
  userId: string | null;
  sink: LiveSink;
  connectionId: string;
  /** The newest event id this subscriber has (or was reset past); it only moves forward. */
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

interface EventRow {
  id: string;
  articleId: string;
  audienceId: string | null;
  type: string;
  payload: Record<string, unknown> | null;
}

const visibleTo = (row: { audienceId: string | null }, userId: string | null) => row.audienceId === null || row.audienceId === userId;
// One DTO object per row, shared by every subscriber it goes to (the route caches its encoding per object).
const dtos = new WeakMap<EventRow, ArticleEventDTO>();
const toDTO = (row: EventRow): ArticleEventDTO => {
  let dto = dtos.get(row);
  if (!dto) dtos.set(row, (dto = { ...row.payload, id: row.id } as unknown as ArticleEventDTO));
  return dto;
};

/**
 * The process's one LISTEN connection and its local subscribers.
 *
 * PostgreSQL is the only shared state: every instance hears every commit's
 * NOTIFY (ids only) and reads the rows from ArticleEvent, so payloads of any
 * size work and any instance can serve any reader. Event ids come from a
 * sequence, taken before commit, so a later id can commit first; the hub
 * therefore delivers only up to its `horizon`, below which every id has
 * committed or been waited for (GAP_TIMEOUT_MS). An id that commits after
 * being given up on is a "late" event: subscribers that have not passed it
 * get it from the table, the others a reset (refetch) — nothing is lost and a
 * cursor never moves back.
 */
class ArticleEventHub {
  private subscribers = new Map<string, Set<Subscriber>>();
  private client: pg.Client | null = null;
  private generation = 0;
  private connecting = false;
  private reconnectDelay = 250;
  private ready!: Promise<void>;
  private markReady!: () => void;
  private isReady = false;
  /** Every event id ≤ horizon has been delivered to local subscribers or given up on (see `skipped`). */
  private horizon = BigInt(0);
  private initialised = false;
  private gap: { from: bigint; since: number } | null = null;
  private gapTimer: NodeJS.Timeout | null = null;
  private advancing = false;
  private advanceAgain = false;
  /** Ids below the horizon that had not committed when given up on, and when. */
  private skipped = new Map<bigint, number>();
  /** Skipped ids that committed after all: article, and when they arrived. */
  private late = new Map<bigint, { articleId: string; at: number }>();
  private presenceRuns = new Map<string, boolean>();
  private heartbeat: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor() {
    this.resetReady();
  }

  subscribe({ articleId, userId, after, sink }: SubscribeOptions): () => void {
    const subscriber: Subscriber = {
      articleId,
      userId,
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

  /** The first catch-up of a new subscriber, then its presence. */
  private async begin(subscriber: Subscriber, fromNow: boolean): Promise<void> {
    try {
      await this.ready;
      if (subscriber.closed) return;
      if (fromNow) subscriber.cursor = this.horizon;
      await this.syncLoop(subscriber, true);
      if (subscriber.closed) return;
      if (subscriber.userId) {
        subscriber.joining = joinPresence({ connectionId: subscriber.connectionId, articleId: subscriber.articleId, userId: subscriber.userId });
        await subscriber.joining;
      }
      // Also sends the list to this subscriber when joining changed nothing (anonymous, or a second tab).
      void this.refreshPresence(subscriber.articleId);
    } catch (error) {
      console.error("[live] subscribing failed", error);
      subscriber.sink.close();
    }
  }

  // ---- the LISTEN connection ----

  private resetReady(): void {
    this.isReady = false;
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private start(): void {
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
      this.heartbeat.unref();
    }
    if (!this.client && !this.connecting) void this.connect();
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    const generation = ++this.generation;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, application_name: "glossa-live", keepAlive: true });
    client.on("notification", (message) => {
      if (generation === this.generation) this.onNotification(message);
    });
    client.on("error", (error) => this.dropped(generation, client, error));
    client.on("end", () => this.dropped(generation, client));
    try {
      await client.connect();
      // LISTEN before reading the horizon, so no commit falls between the two unheard.
      await client.query(`LISTEN "${ARTICLE_EVENTS_CHANNEL}"; LISTEN "${PRESENCE_CHANNEL}"; LISTEN "${SESSIONS_ENDED_CHANNEL}"`);
      if (generation !== this.generation) return;
      this.client = client;
      if (!this.initialised) await this.initialiseHorizon(client);
      else await this.recoverLate(client);
      this.initialised = true;
      this.connecting = false;
      this.reconnectDelay = 250;
      this.isReady = true;
      this.markReady();
      // Whatever committed while we were away is read from the table now (subscribers keep their cursors).
      void this.advance();
      for (const articleId of this.subscribers.keys()) void this.refreshPresence(articleId);
    } catch (error) {
      this.dropped(generation, client, error);
    }
  }

  private dropped(generation: number, client: pg.Client, error?: unknown): void {
    if (generation !== this.generation) return;
    this.generation++; // ignore anything the dead connection still emits
    if (error) console.error("[live] LISTEN connection lost:", error instanceof Error ? error.message : error);
    client.removeAllListeners("notification");
    client.on("error", () => {});
    client.end().catch(() => {});
    if (this.client === client || this.client === null) {
      // Waiters keep waiting on the pending promise; only a resolved one is replaced.
      if (this.isReady) this.resetReady();
      this.client = null;
    }
    this.connecting = false;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 10_000);
    setTimeout(() => {
      if (!this.client && !this.connecting) void this.connect();
    }, delay + Math.floor(Math.random() * 250)).unref();
  }

  /** Runs on the LISTEN connection, one query at a time (pg does not multiplex a connection). */
  private query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
    const run = this.queue.then(async () => {
      await this.ready;
      const client = this.client;
      if (!client) throw new Error("The live connection is down.");
      return (await client.query<T>(sql, params)).rows;
    });
    this.queue = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Starts at the newest event; holes among the last ones may be transactions still committing. */
  private async initialiseHorizon(client: pg.Client): Promise<void> {
    const { rows } = await client.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM "ArticleEvent"`);
    const max = BigInt(rows[0]?.max ?? 0);
    const recent = await client.query<{ id: string }>(`SELECT e.id::text AS id FROM "ArticleEvent" e WHERE e.id > $1::bigint`, [(max - BigInt(BATCH)).toString()]);
    const present = new Set(recent.rows.map((row) => BigInt(row.id)));
    const now = Date.now();
    for (let id = max - BigInt(BATCH) + BigInt(1); id < max; id++) if (id > BigInt(0) && !present.has(id)) this.skipped.set(id, now);
    this.horizon = max;
  }

  /** Notifications of late commits may have been lost with the connection: look for them in the table. */
  private async recoverLate(client: pg.Client): Promise<void> {
    if (this.skipped.size === 0) return;
    const { rows } = await client.query<{ id: string; articleId: string; audienceId: string | null }>(
      `SELECT id::text AS id, "articleId", "audienceId" FROM "ArticleEvent" WHERE id = ANY($1::bigint[])`,
      [[...this.skipped.keys()].map(String)],
    );
    for (const row of rows) this.arrivedLate(BigInt(row.id), row.articleId, row.audienceId);
  }

  private onNotification(message: pg.Notification): void {
    if (message.channel === PRESENCE_CHANNEL) {
      if (message.payload && this.subscribers.has(message.payload)) void this.refreshPresence(message.payload);
      return;
    }
    if (message.channel === SESSIONS_ENDED_CHANNEL) {
      if (message.payload) this.endFeedsOf(message.payload);
      return;
    }
    if (message.channel !== ARTICLE_EVENTS_CHANNEL || !message.payload) return;
    let id: bigint;
    let articleId: string;
    let audienceId: string | null;
    try {
      const parsed = JSON.parse(message.payload) as { id: string; articleId: string; audienceId: string | null };
      id = BigInt(parsed.id);
      articleId = parsed.articleId;
      audienceId = parsed.audienceId;
    } catch {
      return;
    }
    if (this.skipped.has(id)) this.arrivedLate(id, articleId, audienceId);
    if (id > this.horizon) void this.advance();
  }

  /** The user's sessions were ended: their feeds close now, and a reconnect is authorised afresh. */
  private endFeedsOf(userId: string): void {
    // Closing unsubscribes, which edits the sets: go through copies.
    for (const set of [...this.subscribers.values()]) for (const subscriber of [...set]) if (subscriber.userId === userId) subscriber.sink.close();
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
      } while (this.advanceAgain && this.client);
    } catch (error) {
      // The connection dropped mid-query: reconnecting runs advance() again.
      if (this.client) console.error("[live] reading events failed", error);
    } finally {
      this.advancing = false;
    }
  }

  private async advanceOnce(): Promise<void> {
    const rows = await this.query<EventRow>(
      `SELECT e.id::text AS id, e."articleId", e."audienceId", e.type,
              CASE WHEN e."articleId" = ANY($2::text[]) THEN e.payload END AS payload
         FROM "ArticleEvent" e WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${BATCH}`,
      [this.horizon.toString(), [...this.subscribers.keys()]],
    );
    const settled: EventRow[] = [];
    let next = this.horizon + BigInt(1);
    let waiting = false;
    for (const row of rows) {
      const id = BigInt(row.id);
      if (id > next) {
        const now = Date.now();
        if (!this.gap || this.gap.from !== next) this.gap = { from: next, since: now };
        if (now - this.gap.since < GAP_TIMEOUT_MS) {
          waiting = true;
          this.armGapTimer(this.gap.since + GAP_TIMEOUT_MS - now);
          break;
        }
        // Rolled back, or so slow to commit that it will be handled as a late event.
        for (let missing = next; missing < id && missing < next + BigInt(10_000); missing++) this.skipped.set(missing, now);
      }
      settled.push(row);
      next = id + BigInt(1);
    }
    if (!waiting) this.gap = null;
    this.horizon = next - BigInt(1);
    if (!waiting && rows.length === BATCH) this.advanceAgain = true;
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
      // No payload: the article gained its first subscriber while the rows were read; read them again.
      const complete = list.every((row) => row.payload !== null);
      for (const subscriber of this.subscribers.get(articleId) ?? []) {
        if (!complete || subscriber.syncing) {
          this.catchUp(subscriber);
          continue;
        }
        const events = list.filter((row) => BigInt(row.id) > subscriber.cursor && visibleTo(row, subscriber.userId));
        if (events.length === 0) continue;
        subscriber.cursor = BigInt(events[events.length - 1]!.id);
        subscriber.sink.events(events.map(toDTO));
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
   * Replays from the table what this subscriber may see after its cursor, up
   * to the horizon — or a reset when that is too much or spans a new revision.
   */
  private async syncLoop(subscriber: Subscriber, initial: boolean): Promise<void> {
    subscriber.syncing = true;
    try {
      do {
        subscriber.resync = false;
        await this.ready;
        if (subscriber.closed) return;
        const upTo = this.horizon;
        if (subscriber.cursor >= upTo) continue;
        const rows = await db().$queryRawUnsafe<EventRow[]>(
          `SELECT e.id::text AS id, e."articleId", e."audienceId", e.type, e.payload FROM "ArticleEvent" e
            WHERE e."articleId" = $1 AND e.id > $2::bigint AND e.id <= $3::bigint AND (e."audienceId" IS NULL OR e."audienceId" = $4)
            ORDER BY e.id LIMIT ${MAX_REPLAY + 1}`,
          subscriber.articleId,
          subscriber.cursor.toString(),
          upTo.toString(),
          subscriber.userId ?? "",
        );
        if (subscriber.closed) return;
        const revised = initial && rows.some((row) => row.type === "article.revised");
        const missedLate = initial && this.lateSince(subscriber.articleId, subscriber.cursor);
        if (rows.length > MAX_REPLAY || revised || missedLate) {
          subscriber.cursor = upTo;
          subscriber.sink.reset(revised ? "revised" : "gap", upTo.toString());
        } else if (rows.length > 0) {
          subscriber.cursor = BigInt(rows[rows.length - 1]!.id);
          subscriber.sink.events(rows.map(toDTO));
        }
        initial = false;
      } while (subscriber.resync && !subscriber.closed);
    } finally {
      subscriber.syncing = false;
    }
  }

  /** A given-up id committed after all: deliver it to whoever has not passed it; the others refetch. */
  private arrivedLate(id: bigint, articleId: string, audienceId: string | null): void {
    this.skipped.delete(id);
    this.late.set(id, { articleId, at: Date.now() });
    for (const subscriber of this.subscribers.get(articleId) ?? []) {
      if (!visibleTo({ audienceId }, subscriber.userId)) continue;
      if (subscriber.cursor < id) this.catchUp(subscriber);
      else if (!subscriber.syncing) subscriber.sink.reset("gap", subscriber.cursor.toString());
      else subscriber.resync = true;
    }
  }

  /** Did an event of this article commit late, below `cursor`, recently? A reconnecting client may have missed it. */
  private lateSince(articleId: string, cursor: bigint): boolean {
    for (const [id, late] of this.late) if (late.articleId === articleId && id <= cursor) return true;
    return false;
  }

  // ---- presence and heartbeat ----

  private async refreshPresence(articleId: string): Promise<void> {
    if (this.presenceRuns.has(articleId)) {
      this.presenceRuns.set(articleId, true);
      return;
    }
    this.presenceRuns.set(articleId, false);
    try {
      do {
        this.presenceRuns.set(articleId, false);
        const readers = await this.query<PresenceReader>(READERS_SQL, [articleId]);
        const key = JSON.stringify(readers);
        for (const subscriber of this.subscribers.get(articleId) ?? []) {
          if (subscriber.presenceKey === key) continue;
          subscriber.presenceKey = key;
          subscriber.sink.presence(readers);
        }
      } while (this.presenceRuns.get(articleId) === true);
    } catch (error) {
      if (this.client) console.error("[live] reading presence failed", error);
    } finally {
      this.presenceRuns.delete(articleId);
    }
  }

  private async beat(): Promise<void> {
    const connections: { connectionId: string; articleId: string; userId: string }[] = [];
    for (const set of this.subscribers.values()) {
      for (const subscriber of set) {
        subscriber.sink.heartbeat();
        if (subscriber.userId) connections.push({ connectionId: subscriber.connectionId, articleId: subscriber.articleId, userId: subscriber.userId });
      }
    }
    const forgetBefore = Date.now() - FORGET_AFTER_MS;
    for (const [id, at] of this.skipped) if (at < forgetBefore) this.skipped.delete(id);
    for (const [id, late] of this.late) if (late.at < forgetBefore) this.late.delete(id);
    try {
      await touchPresence(connections);
    } catch (error) {
      console.error("[live] presence heartbeat failed", error);
    }
    // Readers of crashed instances expire without a notification: recompute the lists we serve.
    if (this.client) for (const articleId of this.subscribers.keys()) void this.refreshPresence(articleId);
  }
}

const cache = globalThis as unknown as { glossaArticleEventHub?: ArticleEventHub };

/** The process's hub, kept on globalThis so that dev reloads do not open a second LISTEN connection. */
function hub(): ArticleEventHub {
  return (cache.glossaArticleEventHub ??= new ArticleEventHub());
}

/**
 * Subscribes to an article's live feed: first the stored events after
 * `after` that this reader may see (or a reset), then every new one as it
 * commits, plus presence. Returns the unsubscribe function (call it when the
 * client goes away: it also removes the reader from presence).
 */
export function subscribeToArticle(options: SubscribeOptions): () => void {
  return hub().subscribe(options);
}
