/**
 * The hub against a real PostgreSQL (a throwaway embedded cluster): order by
 * id even when a later id commits first, holes left by rollbacks, late
 * commits, private events, replay and resets, a dropped LISTEN connection,
 * presence, and ended sessions. What a replay may show is in
 * ./live-privacy.test.ts.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import type { PresenceReader } from "@/lib/live/protocol";
import { MAX_REPLAY } from "@/lib/live/replay";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";

const { subscribeToArticle } = await import("./article-event-hub");

const database = testDatabase("glossa-hub-test");
const clients: pg.Client[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => {})));
});

async function connection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  clients.push(client);
  return client;
}

/** What publishEvent does, on a connection of our own (so that the test controls commits). */
async function insertEvent(client: pg.Client, articleId: string, { audienceId = null as string | null, type = "note.deleted" } = {}): Promise<string> {
  const payload = type === "article.revised" ? { type } : { type: "note.deleted", noteId: randomUUID() };
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "ArticleEvent" ("articleId", type, "audienceId", payload) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`,
    [articleId, type, audienceId, JSON.stringify(payload)],
  );
  const id = rows[0]!.id;
  await client.query(`SELECT pg_notify('glossa_article_events', $1)`, [JSON.stringify({ id, articleId, audienceId })]);
  return id;
}

async function commitEvent(articleId: string, options: { audienceId?: string | null; type?: string } = {}): Promise<string> {
  const client = await connection();
  return insertEvent(client, articleId, options);
}

const annotator = (id: string): Actor => ({ id, name: id, email: `${id}@test.local`, role: "ANNOTATOR", color: "#000000" });

function follow(articleId: string, { userId = null as string | null, after = null as bigint | null, sessionId = null as string | null } = {}) {
  const received: string[] = [];
  const resets: { reason: string; cursor: string }[] = [];
  const presence: PresenceReader[][] = [];
  let closed = false;
  const unsubscribe = subscribeToArticle({
    articleId,
    viewer: { actor: userId ? annotator(userId) : null, policy: { requireSignIn: false } },
    sessionId,
    after,
    sink: {
      events: (events: ArticleEventDTO[]) => received.push(...events.map((event) => event.id)),
      reset: (reason, cursor) => resets.push({ reason, cursor }),
      presence: (readers) => presence.push(readers),
      heartbeat: () => {},
      close: () => (closed = true),
    },
  });
  return { received, resets, presence, unsubscribe, isClosed: () => closed };
}

/** The hub is ready once a presence list arrived (sent after the first catch-up). */
async function ready(subscriber: { presence: unknown[] }) {
  await vi.waitFor(() => expect(subscriber.presence.length).toBeGreaterThan(0), { timeout: 10_000 });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("article event hub", () => {
  it("delivers live events in id order even when a later id commits first", async () => {
    const articleId = `a-${randomUUID()}`;
    const reader = follow(articleId);
    await ready(reader);

    const slow = await connection();
    await slow.query("BEGIN");
    const first = await insertEvent(slow, articleId);
    const second = await commitEvent(articleId);
    await sleep(150); // the second is committed and notified; the first still holds its id
    expect(reader.received).toEqual([]);
    await slow.query("COMMIT");
    await vi.waitFor(() => expect(reader.received).toEqual([first, second]), { timeout: 5000 });
    expect(reader.resets).toEqual([]);
    reader.unsubscribe();
  });

  it("moves past a hole left by a rollback", async () => {
    const articleId = `a-${randomUUID()}`;
    const reader = follow(articleId);
    await ready(reader);
    const aborted = await connection();
    await aborted.query("BEGIN");
    await insertEvent(aborted, articleId);
    await aborted.query("ROLLBACK");
    const kept = await commitEvent(articleId);
    await vi.waitFor(() => expect(reader.received).toEqual([kept]), { timeout: 5000 });
    reader.unsubscribe();
  });

  it("a commit later than the wait still reaches everyone: from the table, or as a reset", async () => {
    const articleId = `a-${randomUUID()}`;
    const reader = follow(articleId);
    const otherArticle = `a-${randomUUID()}`;
    const bystander = follow(otherArticle);
    await Promise.all([ready(reader), ready(bystander)]);

    const slow = await connection();
    await slow.query("BEGIN");
    const late = await insertEvent(slow, articleId);
    const onTime = await commitEvent(articleId);
    await vi.waitFor(() => expect(reader.received).toEqual([onTime]), { timeout: 5000 });
    await slow.query("COMMIT");
    await vi.waitFor(() => expect(reader.resets).toEqual([{ reason: "gap", cursor: onTime }]), { timeout: 5000 });

    // A reader that had not passed it gets the event itself.
    const slow2 = await connection();
    await slow2.query("BEGIN");
    const late2 = await insertEvent(slow2, otherArticle);
    await commitEvent(articleId); // moves the horizon past late2
    await sleep(1200);
    await slow2.query("COMMIT");
    await vi.waitFor(() => expect(bystander.received).toEqual([late2]), { timeout: 5000 });
    expect(bystander.resets).toEqual([]);
    expect(late).not.toBe(late2);
    reader.unsubscribe();
    bystander.unsubscribe();
  });

  it("sends private events only to their audience", async () => {
    const articleId = `a-${randomUUID()}`;
    const author = follow(articleId, { userId: "user-author" });
    const other = follow(articleId, { userId: "user-other" });
    const anonymous = follow(articleId);
    await Promise.all([ready(author), ready(other), ready(anonymous)].map((promise) => promise.catch(() => {})));
    await vi.waitFor(() => expect(anonymous.presence.length).toBeGreaterThan(0), { timeout: 10_000 });
    const secret = await commitEvent(articleId, { audienceId: "user-author" });
    const shared = await commitEvent(articleId);
    await vi.waitFor(() => expect(author.received).toEqual([secret, shared]), { timeout: 5000 });
    await vi.waitFor(() => expect(other.received).toEqual([shared]), { timeout: 5000 });
    await vi.waitFor(() => expect(anonymous.received).toEqual([shared]), { timeout: 5000 });

    // Replays filter the same way.
    const replayOther = follow(articleId, { userId: "user-other", after: BigInt(secret) - BigInt(1) });
    const replayAuthor = follow(articleId, { userId: "user-author", after: BigInt(secret) - BigInt(1) });
    await vi.waitFor(() => expect(replayAuthor.received).toEqual([secret, shared]), { timeout: 5000 });
    await vi.waitFor(() => expect(replayOther.received).toEqual([shared]), { timeout: 5000 });
    for (const subscriber of [author, other, anonymous, replayOther, replayAuthor]) subscriber.unsubscribe();
  });

  it("replays what was missed, then continues live without duplicates", async () => {
    const articleId = `a-${randomUUID()}`;
    const before = await commitEvent(articleId);
    const missed = [await commitEvent(articleId), await commitEvent(articleId)];
    const reader = follow(articleId, { after: BigInt(before) });
    await vi.waitFor(() => expect(reader.received).toEqual(missed), { timeout: 5000 });
    const next = await commitEvent(articleId);
    await vi.waitFor(() => expect(reader.received).toEqual([...missed, next]), { timeout: 5000 });
    reader.unsubscribe();
  });

  it("resets instead of replaying too much or across a new revision", async () => {
    const articleId = `a-${randomUUID()}`;
    const probe = follow(articleId);
    await ready(probe);
    const first = await commitEvent(articleId);
    const client = await connection();
    await client.query(
      `INSERT INTO "ArticleEvent" ("articleId", type, payload) SELECT $1, 'note.deleted', json_build_object('type', 'note.deleted', 'noteId', 'n' || n) FROM generate_series(1, $2) AS n`,
      [articleId, MAX_REPLAY + 1],
    );
    const last = await commitEvent(articleId);
    // Live subscribers get everything, however much.
    await vi.waitFor(() => expect(probe.received.at(-1)).toBe(last), { timeout: 5000 });
    expect(probe.received).toHaveLength(MAX_REPLAY + 3);
    const behind = follow(articleId, { after: BigInt(first) });
    await vi.waitFor(() => expect(behind.resets).toEqual([{ reason: "gap", cursor: expect.any(String) }]), { timeout: 5000 });
    expect(BigInt(behind.resets[0]!.cursor)).toBeGreaterThanOrEqual(BigInt(last));
    expect(behind.received).toEqual([]);

    const revised = await commitEvent(articleId, { type: "article.revised" });
    await vi.waitFor(() => expect(probe.received.at(-1)).toBe(revised), { timeout: 5000 });
    const beforeRevision = follow(articleId, { after: BigInt(last) });
    await vi.waitFor(() => expect(beforeRevision.resets).toEqual([{ reason: "revised", cursor: expect.any(String) }]), { timeout: 5000 });
    expect(BigInt(beforeRevision.resets[0]!.cursor)).toBeGreaterThanOrEqual(BigInt(revised));
    const afterwards = await commitEvent(articleId);
    await vi.waitFor(() => expect(beforeRevision.received).toEqual([afterwards]), { timeout: 5000 });
    for (const subscriber of [probe, behind, beforeRevision]) subscriber.unsubscribe();
  });

  it("survives a dropped LISTEN connection: what committed meanwhile arrives after it reconnects", async () => {
    const articleId = `a-${randomUUID()}`;
    const reader = follow(articleId);
    await ready(reader);
    const admin = await connection();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'glossa-live'`);
    const during = await commitEvent(articleId);
    await vi.waitFor(() => expect(reader.received).toEqual([during]), { timeout: 10_000 });
    const after = await commitEvent(articleId);
    await vi.waitFor(() => expect(reader.received).toEqual([during, after]), { timeout: 5000 });
    errors.mockRestore();
    reader.unsubscribe();
  });

  it("reads on after a migration changes what its prepared read returns", async () => {
    // The hub's read of new events is prepared on its connection; a column of another type makes
    // PostgreSQL refuse the cached plan ("cached plan must not change result type") for good there.
    const articleId = `a-${randomUUID()}`;
    const reader = follow(articleId);
    await ready(reader);
    const before = await commitEvent(articleId);
    await vi.waitFor(() => expect(reader.received).toEqual([before]), { timeout: 5000 });
    const admin = await connection();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await admin.query(`ALTER TABLE "ArticleEvent" ALTER COLUMN "audienceId" TYPE varchar`);
      const after = await commitEvent(articleId);
      await vi.waitFor(() => expect(reader.received).toEqual([before, after]), { timeout: 10_000 });
      await admin.query(`ALTER TABLE "ArticleEvent" ALTER COLUMN "audienceId" TYPE text`);
      const restored = await commitEvent(articleId);
      await vi.waitFor(() => expect(reader.received).toEqual([before, after, restored]), { timeout: 10_000 });
      expect(errors.mock.calls.some(([message]) => String(message).startsWith("[live] LISTEN connection lost"))).toBe(true);
    } finally {
      errors.mockRestore();
      reader.unsubscribe();
    }
    expect(reader.resets).toEqual([]);
  });

  it("shows who is reading, across subscribers, and drops them when they leave", async () => {
    const articleId = `a-${randomUUID()}`;
    const client = await connection();
    const userId = `u-${randomUUID()}`;
    await client.query(`INSERT INTO "user" (id, name, email, color, "updatedAt") VALUES ($1, 'Анна Петрова', $2, '#0f766e', now())`, [userId, `${userId}@test.local`]);
    const watcher = follow(articleId);
    await ready(watcher);
    expect(watcher.presence.at(-1)).toEqual([]);
    const anna = follow(articleId, { userId });
    await vi.waitFor(() => expect(watcher.presence.at(-1)).toEqual([{ id: userId, name: "Анна Петрова", color: "#0f766e" }]), { timeout: 5000 });
    await vi.waitFor(() => expect(anna.presence.at(-1)).toEqual([{ id: userId, name: "Анна Петрова", color: "#0f766e" }]), { timeout: 5000 });
    anna.unsubscribe();
    await vi.waitFor(() => expect(watcher.presence.at(-1)).toEqual([]), { timeout: 5000 });
    const { rows } = await client.query(`SELECT 1 FROM "Presence" WHERE "articleId" = $1`, [articleId]);
    expect(rows).toEqual([]);
    watcher.unsubscribe();
  });

  it("closes the feeds of a user whose sessions were ended, on every article, and no one else's", async () => {
    const client = await connection();
    const [gone, stays] = [`u-${randomUUID()}`, `u-${randomUUID()}`];
    for (const id of [gone, stays]) await client.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ($1, $1, $2, now())`, [id, `${id}@test.local`]);
    const [first, second] = [`a-${randomUUID()}`, `a-${randomUUID()}`];
    const feeds = [follow(first, { userId: gone }), follow(second, { userId: gone }), follow(first, { userId: stays }), follow(first)];
    await Promise.all(feeds.map(ready));
    expect(feeds.map((feed) => feed.isClosed())).toEqual([false, false, false, false]);

    // What set-user-disabled does, in a transaction: nothing is heard before the commit.
    await client.query("BEGIN");
    await client.query(`SELECT pg_notify('glossa_sessions_ended', $1)`, [`user:${gone}`]);
    await sleep(150);
    expect(feeds[0]!.isClosed()).toBe(false);
    await client.query("COMMIT");
    await vi.waitFor(() => expect(feeds.map((feed) => feed.isClosed())).toEqual([true, true, false, false]), { timeout: 5000 });
    for (const feed of feeds) feed.unsubscribe();
  });

  it("signing out closes that session's feeds in every tab, and no other session's", async () => {
    const client = await connection();
    const userId = `u-${randomUUID()}`;
    await client.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ($1, $1, $2, now())`, [userId, `${userId}@test.local`]);
    const articleId = `a-${randomUUID()}`;
    const [signedOut, otherBrowser] = [`s-${randomUUID()}`, `s-${randomUUID()}`];
    const feeds = [follow(articleId, { userId, sessionId: signedOut }), follow(`a-${randomUUID()}`, { userId, sessionId: signedOut }), follow(articleId, { userId, sessionId: otherBrowser })];
    await Promise.all(feeds.map(ready));
    const { announceSessionEnded } = await import("./sessions-ended");
    await announceSessionEnded(signedOut);
    await vi.waitFor(() => expect(feeds.map((feed) => feed.isClosed())).toEqual([true, true, false]), { timeout: 5000 });
    for (const feed of feeds) feed.unsubscribe();
  });
});
