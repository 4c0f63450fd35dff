import { z } from "zod";

/**
 * Where a live feed resumes (`Last-Event-ID`, or `?after=` on the first connection): an event id,
 * a PostgreSQL bigint written in decimal. Empty or absent: from now on. Here, not in
 * lib/live/protocol (which the reader's first scripts load), so that zod stays out of them.
 */
export const eventCursorSchema = z
  .string()
  .trim()
  .regex(/^\d{1,18}$/, "Last-Event-ID (or ?after=) must be an event id.")
  .transform((value) => BigInt(value));
