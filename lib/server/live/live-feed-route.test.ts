/**
 * The events route served through the live feed hook, as a production server serves it, against a
 * real PostgreSQL: the route's gate and read rules still decide (hostile ids, an archived article,
 * one in a Closed project, a bad cursor, both credentials, sign-in required), and an allowed
 * reader gets the feed from the socket: live events, and a Last-Event-ID catch-up.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabase } from "@/lib/server/testing/test-database";

vi.mock("server-only", () => ({}));
const policy = { requireSignIn: false };
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => policy }));
process.env.BETTER_AUTH_SECRET ??= "live-feed-route-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL ??= "http://127.0.0.1:3000";

const database = testDatabase("glossa-live-feed-route-test");
const { installLiveFeedHook } = await import("./live-feed-hook");
const { GET } = await import("@/app/api/articles/[articleId]/events/route");

let server: http.Server;
let port: number;
beforeAll(async () => {
  installLiveFeedHook(GET);
  server = http.createServer((_request, response) => response.writeHead(418).end());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function open(path: string, headers: Record<string, string> = {}) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, headers, agent: false }, resolve).on("error", reject);
  });
}

async function refusal(path: string, headers: Record<string, string> = {}) {
  const response = await open(path, headers);
  let text = "";
  for await (const chunk of response) text += String(chunk);
  return { status: response.statusCode, headers: response.headers, body: JSON.parse(text) as { error: { code: string; message: string } } };
}

/** Collects a feed's text until `done` holds of it. */
async function feedUntil(response: http.IncomingMessage, done: (text: string) => boolean): Promise<string> {
  let text = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The feed did not deliver in time; got: ${text}`)), 15_000);
    response.on("data", (chunk: Buffer) => {
      text += String(chunk);
      if (done(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return text;
}

/** What publishEvent does: the row, then the notification. */
async function commitEvent(articleId: string): Promise<string> {
  const { rows } = await database.client.query<{ id: string }>(
    `INSERT INTO "ArticleEvent" ("articleId", type, payload) VALUES ($1, 'note.deleted', $2) RETURNING id::text AS id`,
    [articleId, JSON.stringify({ type: "note.deleted", noteId: randomUUID() })],
  );
  const id = rows[0]!.id;
  await database.client.query(`SELECT pg_notify('glossa_article_events', $1)`, [JSON.stringify({ id, articleId, audienceId: null })]);
  return id;
}

describe("the events route through the live feed hook", () => {
  it("streams an article's events to an anonymous reader from the socket, and catches a reconnect up from its Last-Event-ID", async () => {
    const { articleId } = await database.newArticle("Текст статьи для живой ленты.");
    const response = await open(`/api/articles/${articleId}/events`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    await feedUntil(response, (text) => text.includes("event: presence"));
    const id = await commitEvent(articleId);
    expect(await feedUntil(response, (text) => text.includes(`id: ${id}\n`))).toMatch(new RegExp(`id: ${id}\nevent: note.deleted\ndata: `));
    response.destroy();

    const again = await open(`/api/articles/${articleId}/events`, { "Last-Event-ID": String(BigInt(id) - BigInt(1)) });
    expect(await feedUntil(again, (text) => text.includes(`id: ${id}\n`))).toContain(`event: note.deleted`);
    again.destroy();
  });

  it("refuses what the route refuses, as JSON with the headers of every answer", async () => {
    const archived = await database.newArticle("Архивная статья.");
    await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived.articleId]);
    const closed = await database.newArticle("Статья закрытого проекта.");
    const projectId = `p-${randomUUID()}`;
    await database.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, 'Desk', $1, 'CLOSED', now())`, [projectId]);
    await database.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [closed.articleId, projectId]);
    const open = await database.newArticle("Открытая статья.");

    for (const [path, headers, status, code] of [
      [`/api/articles/${archived.articleId}/events`, {}, 404, "NOT_FOUND"],
      [`/api/articles/${closed.articleId}/events`, {}, 404, "NOT_FOUND"],
      [`/api/articles/no-such-article/events`, {}, 404, "NOT_FOUND"],
      [`/api/articles/${encodeURIComponent("<script>alert(1)</script>")}/events`, {}, 404, "NOT_FOUND"],
      [`/api/articles/${"x".repeat(201)}/events`, {}, 400, "INVALID_INPUT"],
      [`/api/articles/${open.articleId}/events?after=abc`, {}, 400, "INVALID_INPUT"],
      [`/api/articles/${open.articleId}/events`, { "Last-Event-ID": "-1; DROP" }, 400, "INVALID_INPUT"],
      [`/api/articles/${open.articleId}/events`, { Authorization: "Bearer glossa_x", Cookie: "better-auth.session_token=x" }, 400, "INVALID_INPUT"],
      [`/api/articles/${open.articleId}/events`, { Authorization: "Bearer not-a-token" }, 401, "UNAUTHENTICATED"],
    ] as const) {
      const answer = await refusal(path, headers);
      expect([path, answer.status, answer.body.error.code]).toEqual([path, status, code]);
      expect(answer.headers["content-type"]).toBe("application/json");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.body.error.message).not.toContain("<script>");
    }
  });

  it("sets the session cookies better-auth renews on a feed it opens (a session near its refresh point), and none for a fresh one", async () => {
    const { auth } = await import("@/lib/auth");
    const { articleId } = await database.newArticle("Статья для читателя с сессией.");
    const signedUp = await auth().api.signUpEmail({ body: { email: `${randomUUID()}@test.glossa`, password: "correct horse battery", name: "Reader" }, returnHeaders: true });
    const cookies = signedUp.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
    const sessionToken = cookies.find((cookie) => cookie.startsWith("better-auth.session_token="))!;
    expect(cookies.some((cookie) => cookie.startsWith("better-auth.session_data="))).toBe(true);

    // Fresh: the browser sends the session and its cookie cache, and nothing is renewed.
    const fresh = await open(`/api/articles/${articleId}/events`, { Cookie: cookies.join("; ") });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers["set-cookie"]).toBeUndefined();
    fresh.destroy();

    // A day after its last renewal (14 days, renewed once a day), its cookie cache long expired: the
    // session is renewed while the feed's gate reads it, and the feed's answer carries the new cookies.
    const { rows: before } = await database.client.query<{ expiresAt: Date }>(
      `UPDATE "session" SET "expiresAt" = (now() AT TIME ZONE 'UTC') + interval '13 days' - interval '1 hour' WHERE "userId" = $1 RETURNING "expiresAt"`,
      [signedUp.response.user.id],
    );
    const renewed = await open(`/api/articles/${articleId}/events`, { Cookie: sessionToken });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    const setCookies = renewed.headers["set-cookie"] ?? [];
    const token = setCookies.find((cookie) => cookie.startsWith("better-auth.session_token="));
    expect(token, setCookies.join("\n")).toBeDefined();
    const attributes = token!.split(";").slice(1).map((attribute) => attribute.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["max-age=1209600", "path=/", "httponly", "samesite=lax"]));
    expect(token!.split(";")[0]!.split(".")[0]).toBe(sessionToken.split(".")[0]);
    expect(setCookies.some((cookie) => cookie.startsWith("better-auth.session_data="))).toBe(true);
    await feedUntil(renewed, (text) => text.includes("event: presence"));
    renewed.destroy();
    const { rows: after } = await database.client.query<{ expiresAt: Date }>(`SELECT "expiresAt" FROM "session" WHERE "userId" = $1`, [signedUp.response.user.id]);
    expect(after[0]!.expiresAt.getTime()).toBeGreaterThan(before[0]!.expiresAt.getTime() + 50 * 60 * 1000);
  });

  it("asks an anonymous reader to sign in when the site requires it (401 with a challenge)", async () => {
    const { articleId } = await database.newArticle("Статья для своих.");
    policy.requireSignIn = true;
    try {
      const answer = await refusal(`/api/articles/${articleId}/events`);
      expect([answer.status, answer.body.error.code]).toEqual([401, "UNAUTHENTICATED"]);
      expect(answer.headers["www-authenticate"]).toContain("Bearer");
    } finally {
      policy.requireSignIn = false;
    }
  });
});
