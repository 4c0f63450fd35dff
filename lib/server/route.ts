import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/server/errors";

/**
 * Runs a route handler's use case and maps every failure to one JSON shape,
 * `{ error: { code, message, details? } }`, with its status code.
 */
export async function handleRoute<T>(run: () => Promise<T>, successStatus = 200): Promise<NextResponse> {
  try {
    const data = await run();
    return json({ data }, successStatus, "no-store");
  } catch (error) {
    if (error instanceof AppError) {
      return json({ error: { code: error.code, message: error.message, details: error.details } }, error.status);
    }
    if (error instanceof z.ZodError) {
      return json({ error: { code: "INVALID_INPUT", message: describeIssues(error), details: error.issues } }, 400);
    }
    console.error(error);
    return json({ error: { code: "INTERNAL", message: "Something went wrong on the server. Nothing was saved." } }, 500);
  }
}

/**
 * A JSON response. A small body (most answers to writes) is marked no-transform, which keeps
 * the server's gzip off it: compressing one packet's worth of bytes costs more CPU than it saves.
 */
function json(body: unknown, status: number, cacheControl?: string): NextResponse {
  const text = JSON.stringify(body);
  const directives = [cacheControl, text.length < SMALL_BODY_CHARACTERS ? "no-transform" : undefined].filter(Boolean);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (directives.length) headers["Cache-Control"] = directives.join(", ");
  return new NextResponse(text, { status, headers });
}

const SMALL_BODY_CHARACTERS = 1400;

/** Reads a JSON body, answering 400 for anything that is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("INVALID_INPUT", "The request body must be valid JSON.");
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
