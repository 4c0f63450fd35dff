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
    return NextResponse.json({ data }, { status: successStatus, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status });
    }
    if (error instanceof z.ZodError) {
      return NextResponse.json(
        { error: { code: "INVALID_INPUT", message: describeIssues(error), details: error.issues } },
        { status: 400 },
      );
    }
    console.error(error);
    return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on the server. Nothing was saved." } }, { status: 500 });
  }
}

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
