import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";

/** A successful answer: `{ data }`, never cached. */
export function dataResponse(data: unknown, status: number): Response {
  return json({ data }, status, "no-store");
}

/**
 * The one place failures become answers: `{ error: { code, message, details? } }` with the
 * status of an AppError (400, 401, 403, 404, 409, 413, 415, 422), 400 for input zod refused,
 * and 500 (logged, with a message that promises nothing was saved) for anything unexpected.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return json({ error: { code: error.code, message: error.message, details: error.details } }, error.status);
  }
  if (error instanceof z.ZodError) {
    return json({ error: { code: "INVALID_INPUT", message: describeIssues(error), details: error.issues } }, 400);
  }
  console.error(error);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on the server. Nothing was saved." } }, 500);
}

/**
 * A JSON response. A small body (most answers to writes) is marked no-transform, which keeps
 * the server's gzip off it: compressing one packet's worth of bytes costs more CPU than it saves.
 */
function json(body: unknown, status: number, cacheControl?: string): Response {
  const text = JSON.stringify(body);
  const directives = [cacheControl, text.length < SMALL_BODY_CHARACTERS ? "no-transform" : undefined].filter(Boolean);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (directives.length) headers["Cache-Control"] = directives.join(", ");
  return new Response(text, { status, headers });
}

const SMALL_BODY_CHARACTERS = 1400;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
