/**
 * What the live feed shows each reader, against a real PostgreSQL: a feed
 * resumed from any cursor (even 0) shows only the current state of what that
 * reader may read now — never a deleted note's body, an earlier version, or
 * work since made private — live events are checked per reader at send time,
 * and compacting the log keeps resume by cursor working.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import type { PresenceReader } from "@/lib/live/protocol";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { subscribeToArticle } from "./article-event-hub";
import { publishEvent, audienceOf } from "./publish-event";
import { compactEventLog, COMPACTION_LOCK_KEY } from "./compact-event-log";
import { db } from "@/lib/db";
import { annotationSelect, noteSelect, toAnnotationDTO, toNoteDTO } from "@/lib/server/annotations/annotation-dto";

const database = testDatabase("glossa-live-privacy-test");

const newUser = database.newUser;
const newArticle = () => database.newArticle("Москва заявила, что переговоры с Тбилиси продолжатся.");

/** Writes as the use cases do: the row, then its event in the same transaction (publishEvent). */
const write = {
  async note(articleId: string, paragraphId: string, author: Actor, body: string, options: { visibility?: "SHARED" | "PRIVATE"; annotationId?: string } = {}) {
    return db().$transaction(async (tx) => {
      const row = await tx.note.create({
        data: { articleId, paragraphId, authorId: author.id, body, visibility: options.visibility ?? "SHARED", annotationId: options.annotationId },
        select: noteSelect,
      });
      const note = toNoteDTO(row);
      await publishEvent(tx, articleId, { type: "note.upserted", note }, audienceOf(note.visibility, author.id));
      return note;
    });
  },
  async editNote(noteId: string, data: { body?: string; visibility?: "SHARED" | "PRIVATE" }) {
    return db().$transaction(async (tx) => {
      const before = await tx.note.findUniqueOrThrow({ where: { id: noteId }, select: { visibility: true } });
      const note = toNoteDTO(await tx.note.update({ where: { id: noteId }, data: { ...data, version: { increment: 1 } }, select: noteSelect }));
      if (before.visibility === "SHARED" && note.visibility === "PRIVATE") await publishEvent(tx, note.articleId, { type: "note.deleted", noteId }, null);
      await publishEvent(tx, note.articleId, { type: "note.upserted", note }, audienceOf(note.visibility, note.author.id));
    });
  },
  async deleteNote(noteId: string) {
    return db().$transaction(async (tx) => {
      const note = await tx.note.update({ where: { id: noteId }, data: { deletedAt: new Date(), version: { increment: 1 } }, select: { articleId: true, visibility: true, authorId: true } });
      await publishEvent(tx, note.articleId, { type: "note.deleted", noteId }, audienceOf(note.visibility, note.authorId));
    });
  },
  async highlight(articleId: string, paragraphId: string, author: Actor) {
    return db().$transaction(async (tx) => {
      const row = await tx.annotation.create({
        data: { articleId, paragraphId, authorId: author.id, kind: "HIGHLIGHT", start: 0, end: 6, exact: "Москва", prefix: "", suffix: " заявила", color: "yellow" },
        select: annotationSelect,
      });
      const annotation = toAnnotationDTO(row);
      await publishEvent(tx, articleId, { type: "annotation.upserted", annotation }, null);
      return annotation;
    });
  },
  async makeHighlightPrivate(annotationId: string) {
    return db().$transaction(async (tx) => {
      const annotation = toAnnotationDTO(await tx.annotation.update({ where: { id: annotationId }, data: { visibility: "PRIVATE", version: { increment: 1 } }, select: annotationSelect }));
      await publishEvent(tx, annotation.articleId, { type: "annotation.deleted", annotationId }, null);
      await publishEvent(tx, annotation.articleId, { type: "annotation.upserted", annotation }, annotation.author.id);
    });
  },
};

function follow(articleId: string, actor: Actor | null, after: bigint | null) {
  const received: ArticleEventDTO[] = [];
  const resets: string[] = [];
  const presence: PresenceReader[][] = [];
  const unsubscribe = subscribeToArticle({
    articleId,
    viewer: { actor, policy: { requireSignIn: false } },
    sessionId: null,
    after,
    sink: {
      events: (events) => received.push(...events),
      reset: (reason) => resets.push(reason),
      presence: (readers) => presence.push(readers),
      heartbeat: () => {},
      close: () => {},
    },
  });
  // The hub sends a presence list once the first catch-up is done; a signed-in reader is on it only from then on.
  const synced = () => (actor ? presence.some((readers) => readers.some((reader) => reader.id === actor.id)) : presence.length > 0);
  return { received, resets, unsubscribe, synced };
}

async function lastEventId(articleId: string): Promise<bigint> {
  const { rows } = await database.client.query<{ id: string }>(`SELECT max(id)::text AS id FROM "ArticleEvent" WHERE "articleId" = $1`, [articleId]);
  return BigInt(rows[0]!.id);
}

/** Waits until the hub has read every event written so far (its horizon is global: a marker on another feed shows it). */
async function hubCaughtUp(): Promise<void> {
  const probeArticle = `probe-${randomUUID()}`;
  const probe = follow(probeArticle, null, null);
  await vi.waitFor(() => expect(probe.synced()).toBe(true), { timeout: 10_000 });
  await db().$transaction((tx) => publishEvent(tx, probeArticle, { type: "note.deleted", noteId: "marker" }, null));
  await vi.waitFor(() => expect(probe.received).toHaveLength(1), { timeout: 10_000 });
  probe.unsubscribe();
}

/** Replays the article from `after` for `actor`: what a feed opened now with that cursor gets first. */
async function replay(articleId: string, actor: Actor | null, after = BigInt(0)) {
  await hubCaughtUp();
  const feed = follow(articleId, actor, after);
  await vi.waitFor(() => expect(feed.synced()).toBe(true), { timeout: 10_000 });
  feed.unsubscribe();
  return { events: feed.received, resets: feed.resets };
}

/** Each event in short: "note.upserted n1 <body> <visibility>", "note.deleted n2". */
function summary(events: ArticleEventDTO[], names: Record<string, string>): string[] {
  const name = (id: string) => names[id] ?? id;
  return events.map((event) => {
    switch (event.type) {
      case "note.upserted":
        return `note ${name(event.note.id)}: ${event.note.body} (${event.note.visibility}, v${event.note.version})`;
      case "annotation.upserted":
        return `highlight ${name(event.annotation.id)} (${event.annotation.visibility})`;
      case "note.deleted":
        return `note ${name(event.noteId)} deleted`;
      case "annotation.deleted":
        return `highlight ${name(event.annotationId)} deleted`;
      case "article.revised":
        return "revised";
      case "labels.changed":
        return `labels of ${event.projectId}`;
      case "curated.changed":
        return `curated ${event.paragraphId}`;
      case "suggestion.decided":
        return `suggestion ${event.suggestionId} ${event.status}`;
    }
  });
}

describe("a feed resumed from any cursor shows each reader only what they may read now", () => {
  it("from 0: the current version, deletions as bare deletions, private work only to its author", async () => {
    const [ann, bob, reader] = [await newUser("ann"), await newUser("bob"), await newUser("reader", "READER")];
    const { articleId, paragraphId } = await newArticle();
    const edited = await write.note(articleId, paragraphId, ann, "first draft");
    const afterFirstDraft = await lastEventId(articleId);
    await write.editNote(edited.id, { body: "final text" });
    const deleted = await write.note(articleId, paragraphId, ann, "to be deleted");
    await write.deleteNote(deleted.id);
    const privatised = await write.note(articleId, paragraphId, ann, "soon private");
    await write.editNote(privatised.id, { visibility: "PRIVATE" });
    const highlight = await write.highlight(articleId, paragraphId, ann);
    const onHighlight = await write.note(articleId, paragraphId, bob, "on the highlight", { annotationId: highlight.id });
    await write.makeHighlightPrivate(highlight.id);
    const secret = await write.note(articleId, paragraphId, ann, "private from the start", { visibility: "PRIVATE" });
    const names = { [edited.id]: "edited", [deleted.id]: "deleted", [privatised.id]: "privatised", [highlight.id]: "h", [onHighlight.id]: "onHighlight", [secret.id]: "secret" };

    // In the order of each one's newest event (the highlight was made private after the note on it was written).
    const forOthers = ["note edited: final text (SHARED, v2)", "note deleted deleted", "note privatised deleted", "note onHighlight deleted", "highlight h deleted"];
    for (const viewer of [null, bob, reader]) {
      const { events, resets } = await replay(articleId, viewer);
      expect(resets).toEqual([]);
      expect(summary(events, names)).toEqual(forOthers);
      const sent = JSON.stringify(events);
      for (const past of ["first draft", "to be deleted", "soon private", "on the highlight", "private from the start", "PRIVATE"]) expect(sent).not.toContain(past);
    }
    const forAnn = await replay(articleId, ann);
    expect(summary(forAnn.events, names)).toEqual([
      "note edited: final text (SHARED, v2)",
      "note deleted deleted",
      "note privatised: soon private (PRIVATE, v2)",
      "note onHighlight: on the highlight (SHARED, v1)",
      "highlight h (PRIVATE)",
      "note secret: private from the start (PRIVATE, v1)",
    ]);
    // Ids are those of the newest event of each: in order, and where a later resume continues.
    const ids = forAnn.events.map((event) => BigInt(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));

    // From a cursor in the middle: still the current version, never the one the cursor saw.
    const fromMiddle = await replay(articleId, null, afterFirstDraft);
    expect(summary(fromMiddle.events, names)[0]).toBe("note edited: final text (SHARED, v2)");
  });

  it("an archived article replays to admins only; live events are checked at send time", async () => {
    const [ann, admin] = [await newUser("ann"), await newUser("admin", "ADMIN")];
    const { articleId, paragraphId } = await newArticle();
    const note = await write.note(articleId, paragraphId, ann, "shared words");
    const now = await lastEventId(articleId);
    const reader = follow(articleId, ann, now);
    const overseer = follow(articleId, admin, now);
    await vi.waitFor(() => expect(reader.synced() && overseer.synced()).toBe(true), { timeout: 10_000 });
    await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [articleId]);
    await write.editNote(note.id, { body: "edited after archiving" });
    await vi.waitFor(() => expect(overseer.received.map((event) => event.type)).toEqual(["note.upserted"]), { timeout: 5000 });
    expect(reader.received).toEqual([]);
    expect(summary((await replay(articleId, ann)).events, {})).toEqual([`note ${note.id} deleted`]);
    expect(summary((await replay(articleId, admin)).events, {})).toEqual([`note ${note.id}: edited after archiving (SHARED, v2)`]);
    reader.unsubscribe();
    overseer.unsubscribe();
  });

  it("live, a change that hides something someone saw reaches them as a deletion", async () => {
    const [ann, bob] = [await newUser("ann"), await newUser("bob")];
    const { articleId, paragraphId } = await newArticle();
    const highlight = await write.highlight(articleId, paragraphId, ann);
    const note = await write.note(articleId, paragraphId, bob, "bob's note", { annotationId: highlight.id });
    const watcher = follow(articleId, null, await lastEventId(articleId));
    await vi.waitFor(() => expect(watcher.synced()).toBe(true), { timeout: 10_000 });
    // The highlight is made private without touching its notes: the note's next change must not show it.
    await database.client.query(`UPDATE "Annotation" SET visibility = 'PRIVATE' WHERE id = $1`, [highlight.id]);
    await write.editNote(note.id, { body: "bob edits his note" });
    await vi.waitFor(() => expect(summary(watcher.received, {})).toEqual([`note ${note.id} deleted`]), { timeout: 5000 });
    watcher.unsubscribe();
  });
});

describe("compacting the event log", () => {
  it("drops superseded events; a resume from any cursor shows the same current state", async () => {
    const ann = await newUser("ann");
    const { articleId, paragraphId } = await newArticle();
    const note = await write.note(articleId, paragraphId, ann, "v1");
    const afterCreate = await lastEventId(articleId);
    for (const body of ["v2", "v3", "v4"]) await write.editNote(note.id, { body });
    const other = await write.note(articleId, paragraphId, ann, "other");
    await write.deleteNote(other.id);
    const beforeSummaries = [];
    for (const cursor of [BigInt(0), afterCreate]) beforeSummaries.push(summary((await replay(articleId, null, cursor)).events, {}));

    const result = await compactEventLog({ settleMinutes: 0 });
    expect(result).toMatchObject({ ran: true });
    const { rows } = await database.client.query(`SELECT 1 FROM "ArticleEvent" WHERE payload->'note'->>'id' = $1 OR payload->>'noteId' = $1`, [note.id]);
    expect(rows).toHaveLength(1);
    const after = [];
    for (const cursor of [BigInt(0), afterCreate]) after.push(await replay(articleId, null, cursor));
    expect(after.map((replayed) => summary(replayed.events, {}))).toEqual(beforeSummaries);
    expect(beforeSummaries[1]).toEqual([`note ${note.id}: v4 (SHARED, v4)`, `note ${other.id} deleted`]);
    expect(after.flatMap((replayed) => replayed.resets)).toEqual([]);
  });

  it("drops events past the retention window, keeping each article's newest: an older cursor refetches, the newest resumes", async () => {
    const ann = await newUser("ann");
    const { articleId, paragraphId } = await newArticle();
    await write.note(articleId, paragraphId, ann, "old one");
    await write.note(articleId, paragraphId, ann, "old two");
    const newest = await lastEventId(articleId);
    await database.client.query(`UPDATE "ArticleEvent" SET "createdAt" = "createdAt" - interval '40 days' WHERE "articleId" = $1`, [articleId]);
    const result = await compactEventLog({ retentionDays: 30 });
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const { rows } = await database.client.query<{ id: string }>(`SELECT id::text AS id FROM "ArticleEvent" WHERE "articleId" = $1`, [articleId]);
    expect(rows.map((row) => BigInt(row.id))).toEqual([newest]);
    expect((await replay(articleId, null, BigInt(0))).resets).toEqual(["gap"]);
    expect(await replay(articleId, null, newest)).toMatchObject({ resets: [] });
  });

  it("runs on one instance at a time", async () => {
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT pg_advisory_xact_lock($1::bigint)", [COMPACTION_LOCK_KEY]);
    expect(await compactEventLog()).toEqual({ ran: false, superseded: 0, expired: 0 });
    await holder.query("ROLLBACK");
    await holder.end();
    expect((await compactEventLog()).ran).toBe(true);
  });
});
