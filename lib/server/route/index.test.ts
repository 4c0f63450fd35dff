/**
 * The gate every API route passes, with real Request objects: origin refusal, media type (415),
 * body caps (413, counted as read, without trusting Content-Length), authentication before the
 * body is read (401), role refusals (403), zod failures (400) and the one error shape.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";

vi.mock("server-only", () => ({}));
const getActor = vi.fn<() => Promise<Actor | null>>();
/** What the session lookup says besides the actor: its session's id and the cookies better-auth made. */
const lookup = { sessionId: null as string | null, setCookies: [] as string[] };
vi.mock("@/lib/server/auth/get-actor", () => ({ getActor: () => getActor(), getRequestSession: async () => ({ actor: await getActor(), ...lookup }) }));
const policy = { requireSignIn: false };
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => policy }));
/** The roles the signed-in person holds in projects (the gate asks them of a site Reader only). */
const memberRoles = vi.fn<(userId: string) => Promise<("MANAGER" | "ANNOTATOR" | "READER")[]>>();
vi.mock("@/lib/server/projects/list-member-roles", () => ({ listMemberRoles: (userId: string) => memberRoles(userId) }));

process.env.BETTER_AUTH_SECRET = "route-test-secret-0123456789abcdefghijklmnop";
process.env.BETTER_AUTH_URL = "https://glossa.example";
process.env.GLOSSA_IMPORT_MAX_ARTICLE_BYTES = String(100_000);

const { adminRoute, annotatorRoute, idParams, jsonBody, publicRoute, readerRoute, streamBody } = await import("./index");
const { AppError } = await import("@/lib/server/errors");
const { importRequestBody } = await import("@/lib/server/import/read-import-request");

const APP = "https://glossa.example";
const annotator: Actor = { id: "u1", name: "Ann", email: "ann@test.glossa", role: "ANNOTATOR", color: "#123456" };
const reader: Actor = { ...annotator, id: "u2", role: "READER" };
const admin: Actor = { ...annotator, id: "u3", role: "ADMIN" };

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

/** A body that counts what was pulled from it, in pieces of `piece` bytes, `pieces` of them (forever if omitted). */
function countingBody(piece: number, pieces = Infinity) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= piece * pieces) return controller.close();
        counter.pulled += piece;
        controller.enqueue(new TextEncoder().encode(" ".repeat(piece)));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

function post(url: string, init: { headers?: Record<string, string>; body?: BodyInit | null; method?: string } = {}): Request {
  return new Request(`${APP}${url}`, {
    method: init.method ?? "POST",
    headers: { Origin: APP, "Content-Type": "application/json", ...init.headers },
    body: init.body,
    // @ts-expect-error -- Node's fetch needs duplex for a streamed body; the DOM types lack it.
    duplex: "half",
  });
}

async function answer(response: Response) {
  return { status: response.status, json: (await response.json()) as { data?: unknown; error?: { code: string; message: string; details?: unknown } } };
}

const noteSchema = z.object({ body: z.string().min(1) }).strict();
const handler = vi.fn(async (input: unknown) => input);
const createNote = annotatorRoute({ action: "write notes", params: idParams("articleId"), body: jsonBody(noteSchema), status: 201 }, async (input) => {
  await handler(input);
  return { actor: input.actor.id, articleId: input.params.articleId, body: input.body };
});
const deleteNote = annotatorRoute({ action: "change notes", params: idParams("noteId") }, async ({ params }) => ({ id: params.noteId }));

beforeEach(() => {
  lookup.sessionId = null;
  lookup.setCookies = [];
  getActor.mockReset();
  getActor.mockResolvedValue(annotator);
  memberRoles.mockReset();
  memberRoles.mockResolvedValue([]);
  handler.mockClear();
  policy.requireSignIn = false;
});

describe("origin of state-changing requests", () => {
  it.each([
    ["another site's Origin", { Origin: "https://evil.example" }],
    ["Origin null (a sandboxed frame)", { Origin: "null" }],
    ["the app's host on another port", { Origin: "https://glossa.example:8443" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site", Origin: "https://blog.glossa.example" }],
    ["Sec-Fetch-Site: cross-site even with the app's Origin", { "Sec-Fetch-Site": "cross-site" }],
  ])("refuses %s with 403, before authenticating or reading", async (_label, headers) => {
    const { stream, counter } = countingBody(1024, 1);
    const response = await createNote(post("/api/articles/a1/notes", { headers, body: stream }), context({ articleId: "a1" }));
    const { status, json } = await answer(response);
    expect(status).toBe(403);
    expect(json.error).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/^Refused/) });
    expect(getActor).not.toHaveBeenCalled();
    expect(counter.pulled).toBe(0);
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a request that sends cookies but says nothing of where it comes from", async () => {
    const request = new Request(`${APP}/api/notes/n1`, { method: "DELETE", headers: { Cookie: "better-auth.session_token=stolen" } });
    const { status, json } = await answer(await deleteNote(request, context({ noteId: "n1" })));
    expect(status).toBe(403);
    expect(json.error!.message).toMatch(/Origin header/);
  });

  it("lets a cookieless request without Origin through to authentication (curl, server to server)", async () => {
    getActor.mockResolvedValue(null);
    const request = new Request(`${APP}/api/notes/n1`, { method: "DELETE" });
    const { status, json } = await answer(await deleteNote(request, context({ noteId: "n1" })));
    expect(status).toBe(401);
    expect(json.error).toEqual({ code: "UNAUTHENTICATED", message: "Sign in to change notes." });
  });

  it.each([
    ["the app's Origin", { Origin: APP, Cookie: "s=1" }],
    ["localhost on GLOSSA_PORT", { Origin: "http://localhost:3000", Cookie: "s=1" }],
    ["Sec-Fetch-Site: same-origin", { "Sec-Fetch-Site": "same-origin", Cookie: "s=1" }],
  ])("accepts %s", async (_label, headers) => {
    const request = new Request(`${APP}/api/notes/n1`, { method: "DELETE", headers });
    const { status, json } = await answer(await deleteNote(request, context({ noteId: "n1" })));
    expect(status).toBe(200);
    expect(json).toEqual({ data: { id: "n1" } });
  });

  it("does not check reads: a GET from another site is answered (CORS keeps its answer from that site)", async () => {
    const list = readerRoute({ action: "read this article" }, async ({ actor }) => ({ actor: actor?.id ?? null }));
    const request = new Request(`${APP}/api/entities`, { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
    expect(await answer(await list(request, context()))).toEqual({ status: 200, json: { data: { actor: "u1" } } });
  });
});

describe("media type", () => {
  it.each([
    ["text/plain", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["no Content-Type", ""],
  ])("a JSON route refuses %s with 415, before authenticating", async (_label, type) => {
    const headers: Record<string, string> = type ? { "Content-Type": type } : {};
    const request = new Request(`${APP}/api/articles/a1/notes`, { method: "POST", headers: { Origin: APP, ...headers }, body: type ? '{"body":"x"}' : null });
    if (!type) request.headers.delete("content-type");
    const { status, json } = await answer(await createNote(request, context({ articleId: "a1" })));
    expect(status).toBe(415);
    expect(json.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringContaining("application/json") });
    expect(getActor).not.toHaveBeenCalled();
  });

  it("accepts application/json with a charset", async () => {
    const response = await createNote(post("/api/articles/a1/notes", { headers: { "Content-Type": "Application/JSON; charset=utf-8" }, body: '{"body":"x"}' }), context({ articleId: "a1" }));
    expect(await answer(response)).toEqual({ status: 201, json: { data: { actor: "u1", articleId: "a1", body: { body: "x" } } } });
  });

  it("a route without a body refuses a form post (415) and takes none or JSON", async () => {
    const form = new Request(`${APP}/api/notes/n1`, { method: "DELETE", headers: { Origin: APP, "Content-Type": "text/plain" }, body: "x" });
    expect((await deleteNote(form, context({ noteId: "n1" }))).status).toBe(415);
    const bare = new Request(`${APP}/api/notes/n1`, { method: "DELETE", headers: { Origin: APP } });
    expect((await deleteNote(bare, context({ noteId: "n1" }))).status).toBe(200);
  });
});

describe("body size", () => {
  it("refuses a stated Content-Length over the cap with 413 before authenticating or reading", async () => {
    const { stream, counter } = countingBody(64 * 1024);
    const request = post("/api/articles/a1/notes", { headers: { "Content-Length": String(2 * 1024 * 1024) }, body: stream });
    const { status, json } = await answer(await createNote(request, context({ articleId: "a1" })));
    expect(status).toBe(413);
    expect(json.error).toEqual({ code: "TOO_LARGE", message: "The request body is too large: the limit is 1 MB." });
    expect(getActor).not.toHaveBeenCalled();
    expect(counter.pulled).toBe(0);
  });

  it("counts a body without Content-Length as it is read and stops reading just past the cap (413)", async () => {
    const piece = 64 * 1024;
    const { stream, counter } = countingBody(piece);
    const request = post("/api/articles/a1/notes", { body: stream });
    expect(request.headers.get("content-length")).toBeNull();
    const { status, json } = await answer(await createNote(request, context({ articleId: "a1" })));
    expect(status).toBe(413);
    expect(json.error!.code).toBe("TOO_LARGE");
    // Read up to the first piece past 1 MB (and at most one piece buffered ahead), then cancelled.
    expect(counter.pulled).toBeGreaterThan(1024 * 1024);
    expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024 + 2 * piece);
    expect(counter.cancelled).toBe(true);
    expect(handler).not.toHaveBeenCalled();
  });

  it("takes a body just under the cap", async () => {
    const body = JSON.stringify({ body: "x".repeat(1024 * 1024 - 20) });
    const response = await createNote(post("/api/articles/a1/notes", { body }), context({ articleId: "a1" }));
    expect(response.status).toBe(201);
  });

  it("a route may set its own cap", async () => {
    const tiny = annotatorRoute({ action: "annotate", body: jsonBody(z.unknown(), { maxBytes: 10 }) }, async ({ body }) => body);
    const { status, json } = await answer(await tiny(post("/api/x", { body: '{"a":"0123456789"}' }), context()));
    expect(status).toBe(413);
    expect(json.error!.message).toBe("The request body is too large: the limit is 0 MB.");
  });

  it("a streamed body is handed on capped: reading past the cap fails with 413", async () => {
    const upload = adminRoute(
      { action: "import and manage articles", body: streamBody({ types: ["application/octet-stream"], limit: () => 1000, tooLarge: () => "Too big." }) },
      async ({ body }) => {
        let size = 0;
        for await (const piece of body! as unknown as AsyncIterable<Uint8Array>) size += piece.byteLength;
        return { size };
      },
    );
    getActor.mockResolvedValue(admin);
    const headers = { "Content-Type": "application/octet-stream" };
    const ok = await upload(post("/api/admin/import/jobs", { headers, body: countingBody(100, 10).stream }), context());
    expect(await answer(ok)).toEqual({ status: 200, json: { data: { size: 1000 } } });
    const { stream, counter } = countingBody(100);
    const { status, json } = await answer(await upload(post("/api/admin/import/jobs", { headers, body: stream }), context()));
    expect({ status, json }).toEqual({ status: 413, json: { error: { code: "TOO_LARGE", message: "Too big." } } });
    expect(counter.pulled).toBeLessThanOrEqual(1200);
  });
});

describe("authentication and roles", () => {
  it("answers 401 to an anonymous visitor before reading the body", async () => {
    getActor.mockResolvedValue(null);
    const { stream, counter } = countingBody(1024, 4);
    const { status, json } = await answer(await createNote(post("/api/articles/a1/notes", { body: stream }), context({ articleId: "a1" })));
    expect(status).toBe(401);
    expect(json.error).toEqual({ code: "UNAUTHENTICATED", message: "Sign in to write notes." });
    expect(counter.pulled).toBe(0);
  });

  it("answers 403 to a reader on an annotator route, before reading the body", async () => {
    getActor.mockResolvedValue(reader);
    const { stream, counter } = countingBody(1024, 4);
    const { status, json } = await answer(await createNote(post("/api/articles/a1/notes", { body: stream }), context({ articleId: "a1" })));
    expect(status).toBe(403);
    expect(json.error).toEqual({ code: "FORBIDDEN", message: "Readers cannot write notes: ask an admin for the Annotator role." });
    expect(counter.pulled).toBe(0);
  });

  it("lets a site Reader through when they annotate in a project (Annotator or Manager there), not as a project Reader", async () => {
    getActor.mockResolvedValue(reader);
    const send = () => createNote(post("/api/articles/a1/notes", { body: JSON.stringify({ body: "x" }) }), context({ articleId: "a1" }));
    memberRoles.mockResolvedValue(["READER"]);
    expect((await send()).status).toBe(403);
    memberRoles.mockResolvedValue(["READER", "ANNOTATOR"]);
    expect(await answer(await send())).toEqual({ status: 201, json: { data: { actor: reader.id, articleId: "a1", body: { body: "x" } } } });
    expect(memberRoles).toHaveBeenLastCalledWith(reader.id);
    // A site annotator is let through on their role: no membership read.
    memberRoles.mockClear();
    getActor.mockResolvedValue(annotator);
    expect((await send()).status).toBe(201);
    expect(memberRoles).not.toHaveBeenCalled();
  });

  it("admin routes: 401 anonymous, 403 annotator, through for an admin", async () => {
    const route = adminRoute({ action: "manage users" }, async ({ actor }) => actor.role);
    const get = () => route(new Request(`${APP}/api/admin/users`), context());
    getActor.mockResolvedValue(null);
    expect(await answer(await get())).toEqual({ status: 401, json: { error: { code: "UNAUTHENTICATED", message: "Sign in to manage users." } } });
    getActor.mockResolvedValue(annotator);
    expect(await answer(await get())).toEqual({ status: 403, json: { error: { code: "FORBIDDEN", message: "Only administrators can manage users." } } });
    getActor.mockResolvedValue(admin);
    expect(await answer(await get())).toEqual({ status: 200, json: { data: "ADMIN" } });
  });

  it("reader routes let anonymous visitors in unless GLOSSA_REQUIRE_SIGN_IN", async () => {
    const route = readerRoute({ action: "read this article" }, async ({ actor }) => actor);
    getActor.mockResolvedValue(null);
    expect(await answer(await route(new Request(`${APP}/api/x`), context()))).toEqual({ status: 200, json: { data: null } });
    policy.requireSignIn = true;
    expect(await answer(await route(new Request(`${APP}/api/x`), context()))).toEqual({
      status: 401,
      json: { error: { code: "UNAUTHENTICATED", message: "Sign in to read this article." } },
    });
  });

  it("puts the cookies the session lookup made on the answer, whatever it is, and hands the handler the session's id", async () => {
    // A renewed session (its sliding expiry) and cookie cache, as better-auth writes them.
    lookup.setCookies = ["better-auth.session_token=t.sig; Max-Age=1209600; Path=/; HttpOnly; SameSite=Lax", "better-auth.session_data=d; Max-Age=300; Path=/; HttpOnly; SameSite=Lax"];
    lookup.sessionId = "s1";
    const seen = vi.fn();
    const route = readerRoute({ action: "read this article", params: idParams("articleId") }, async ({ sessionId, params }) => {
      seen(sessionId);
      if (params.articleId === "fails") throw new AppError("NOT_FOUND", "The article was not found.");
      return params.articleId === "redirects" ? Response.redirect(`${APP}/elsewhere`, 307) : { ok: true };
    });
    for (const [articleId, status] of [["a1", 200], ["fails", 404], ["redirects", 307]] as const) {
      const response = await route(new Request(`${APP}/api/articles/${articleId}`), context({ articleId }));
      expect([articleId, response.status]).toEqual([articleId, status]);
      expect(response.headers.getSetCookie()).toEqual(lookup.setCookies);
    }
    expect(seen.mock.calls).toEqual([["s1"], ["s1"], ["s1"]]);
    // Refused: the session was renewed all the same.
    getActor.mockResolvedValue(reader);
    const refused = await createNote(post("/api/articles/a1/notes", { body: JSON.stringify({ body: "x" }) }), context({ articleId: "a1" }));
    expect(refused.status).toBe(403);
    expect(refused.headers.getSetCookie()).toEqual(lookup.setCookies);
    // Nothing made, nothing set.
    lookup.setCookies = [];
    expect((await route(new Request(`${APP}/api/articles/a1`), context({ articleId: "a1" }))).headers.getSetCookie()).toEqual([]);
  });

  it("public routes never ask who is calling", async () => {
    const route = publicRoute({}, async () => new Response("plain", { status: 503 }));
    const response = await route(new Request(`${APP}/api/health`), context());
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("plain");
    expect(getActor).not.toHaveBeenCalled();
  });
});

describe("parsing and errors", () => {
  it.each([
    ["a zod failure", '{"body":""}', /^body: /],
    ["an unknown field", '{"body":"x","authorId":"someone"}', /authorId/],
    ["invalid JSON", '{"body": "x"', /^The request body must be valid JSON\.$/],
    ["an empty body", "", /^The request body must be valid JSON\.$/],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), /UTF-8/],
  ])("answers 400 INVALID_INPUT to %s, without calling the handler", async (_label, body, message) => {
    const { status, json } = await answer(await createNote(post("/api/articles/a1/notes", { body }), context({ articleId: "a1" })));
    expect(status).toBe(400);
    expect(json.error!.code).toBe("INVALID_INPUT");
    expect(json.error!.message).toMatch(message);
    expect(handler).not.toHaveBeenCalled();
  });

  it("parses the query string and params with their schemas", async () => {
    const route = readerRoute(
      { action: "read this article", params: idParams("articleId"), query: z.object({ limit: z.coerce.number().int().max(5) }) },
      async ({ params, query }) => ({ ...params, ...query }),
    );
    expect(await answer(await route(new Request(`${APP}/api/a?limit=3`), context({ articleId: "a1" })))).toEqual({ status: 200, json: { data: { articleId: "a1", limit: 3 } } });
    const { status, json } = await answer(await route(new Request(`${APP}/api/a?limit=9`), context({ articleId: "a1" })));
    expect(status).toBe(400);
    expect(json.error!.message).toMatch(/^limit: /);
  });

  it.each([
    [new AppError("NOT_FOUND", "The note was not found."), 404],
    [new AppError("CONFLICT", "Changed since."), 409],
    [new AppError("UNPROCESSABLE", "No."), 422],
  ])("maps a use case's %s to its status", async (error, status) => {
    const route = annotatorRoute({ action: "annotate" }, async () => {
      throw error;
    });
    const answered = await answer(await route(post("/api/x", { body: null }), context()));
    expect(answered).toEqual({ status, json: { error: { code: error.code, message: error.message } } });
  });

  it("answers an unexpected failure with 500 and a message that promises nothing was saved", async () => {
    const route = annotatorRoute({ action: "annotate" }, async () => {
      throw new Error("database exploded");
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, json } = await answer(await route(post("/api/x", { body: null }), context()));
    log.mockRestore();
    expect(status).toBe(500);
    expect(json.error).toEqual({ code: "INTERNAL", message: "Something went wrong on the server. Nothing was saved." });
  });
});

describe("import bodies", () => {
  const preview = adminRoute({ action: "import and manage articles", body: importRequestBody }, async ({ body }) =>
    body.source.kind === "file" ? { file: body.source.fileName, bytes: body.source.bytes.length, target: body.target } : { kind: body.source.kind },
  );

  beforeEach(() => {
    getActor.mockResolvedValue(admin);
  });

  it("reads an uploaded file from multipart/form-data", async () => {
    const form = new FormData();
    form.set("file", new File(["Привет, мир."], "hello.txt", { type: "text/plain" }));
    form.set("target", JSON.stringify({ mode: "new" }));
    const request = new Request(`${APP}/api/admin/import/preview`, { method: "POST", headers: { Origin: APP }, body: form });
    expect(await answer(await preview(request, context()))).toEqual({
      status: 200,
      json: { data: { file: "hello.txt", bytes: new TextEncoder().encode("Привет, мир.").length, target: { mode: "new" } } },
    });
  });

  it("refuses an upload over GLOSSA_IMPORT_MAX_ARTICLE_BYTES plus the envelope with 413, by counting", async () => {
    const form = new FormData();
    form.set("file", new File(["a".repeat(200_000)], "big.txt", { type: "text/plain" }));
    const sized = new Request(`${APP}/api/admin/import/preview`, { method: "POST", headers: { Origin: APP }, body: form });
    // The same bytes as a stream with no Content-Length: only counting can catch it.
    const request = post("/api/admin/import/preview", { headers: { "Content-Type": sized.headers.get("content-type")! }, body: sized.body });
    const { status, json } = await answer(await preview(request, context()));
    expect(status).toBe(413);
    expect(json.error!.message).toBe("The file is too large: the limit for one article is 0.1 MB.");
  });

  it("reads pasted text as JSON and refuses other media types with 415", async () => {
    const json = post("/api/admin/import/preview", { body: JSON.stringify({ kind: "paste", text: "Hello." }) });
    expect(await answer(await preview(json, context()))).toEqual({ status: 200, json: { data: { kind: "paste" } } });
    const text = post("/api/admin/import/preview", { headers: { "Content-Type": "text/plain" }, body: "Hello." });
    expect((await preview(text, context())).status).toBe(415);
  });
});
