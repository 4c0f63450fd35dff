/**
 * The live feed's ordering rules, pure (no database, no timers): which stored
 * events may be delivered now, which ids are holes, and which commits came
 * late. The hub feeds it rows and notifications and acts on its answers.
 *
 * Event ids come from a sequence, taken before commit, so a later id can
 * commit first. Delivery therefore stops at the `horizon`, below which every
 * id has committed or been waited for (`gapTimeoutMs`). An id given up on
 * that commits afterwards is "late": subscribers that have not passed it get
 * it from the table, the others a reset — nothing is lost and a cursor never
 * moves back.
 */

/** How long a hole in the id sequence may stay open (a transaction that took an id but has not committed) before moving on. */
export const GAP_TIMEOUT_MS = 750;
/** Rows read per query, and how far back a fresh start looks for holes that may still commit. */
export const SEQUENCER_BATCH = 1000;
/** Holes and late commits are remembered this long (a reconnecting client older than this gets what the table says). */
export const FORGET_AFTER_MS = 10 * 60_000;
/** One hole never marks more than this many ids as skipped (a sequence jump after a crash is not 10⁶ pending transactions). */
const MAX_SKIPPED_PER_HOLE = BigInt(10_000);

export interface SettleResult<T> {
  /** Rows now safe to deliver, in id order. */
  settled: T[];
  /** A hole is still open: call `settle` again after this many milliseconds (null: none). */
  retryInMs: number | null;
  /** The batch was full and nothing is waiting: read again right away. */
  more: boolean;
}

/** What a notification of a committed event means. */
export interface Heard {
  /** It was given up on earlier: deliver it to whoever has not passed it, reset the others. */
  late: boolean;
  /** It is beyond the horizon: read the table. */
  ahead: boolean;
}

export class EventSequencer {
  /** Every event id ≤ horizon has been handed out by `settle` or given up on (see `skipped`). */
  horizon = BigInt(0);
  private gap: { from: bigint; since: number } | null = null;
  /** Ids below the horizon that had not committed when given up on, and when. */
  private readonly skipped = new Map<bigint, number>();
  /** Skipped ids that committed after all: their article, and when they arrived. */
  private readonly late = new Map<bigint, { articleId: string; at: number }>();

  constructor(private readonly gapTimeoutMs = GAP_TIMEOUT_MS) {}

  /**
   * Starts at the newest stored id. Ids missing among the `SEQUENCER_BATCH`
   * before it may belong to transactions still committing: they are watched as skipped.
   */
  start(max: bigint, present: Iterable<bigint>, now: number): void {
    const seen = new Set(present);
    for (let id = max - BigInt(SEQUENCER_BATCH) + BigInt(1); id < max; id++) if (id > BigInt(0) && !seen.has(id)) this.skipped.set(id, now);
    this.horizon = max;
  }

  /** Ids given up on that a notification may still announce (a reconnect looks them up in the table). */
  skippedIds(): bigint[] {
    return [...this.skipped.keys()];
  }

  /**
   * Takes the rows read after the horizon (id order, at most `batch`) and
   * moves the horizon over the ones that may be delivered: up to the first
   * hole younger than the gap timeout.
   */
  settle<T extends { id: string }>(rows: T[], now: number, batch = SEQUENCER_BATCH): SettleResult<T> {
    const settled: T[] = [];
    let next = this.horizon + BigInt(1);
    let retryInMs: number | null = null;
    for (const row of rows) {
      const id = BigInt(row.id);
      if (id < next) continue; // already handed out (a duplicate read)
      if (id > next) {
        if (!this.gap || this.gap.from !== next) this.gap = { from: next, since: now };
        const waited = now - this.gap.since;
        if (waited < this.gapTimeoutMs) {
          retryInMs = this.gapTimeoutMs - waited;
          break;
        }
        // Rolled back, or so slow to commit that it will be handled as a late event.
        for (let missing = next; missing < id && missing < next + MAX_SKIPPED_PER_HOLE; missing++) this.skipped.set(missing, now);
      }
      settled.push(row);
      next = id + BigInt(1);
    }
    if (retryInMs === null) this.gap = null;
    this.horizon = next - BigInt(1);
    return { settled, retryInMs, more: retryInMs === null && rows.length >= batch };
  }

  /** A commit was announced (or found on reconnect). */
  heard(id: bigint, articleId: string, now: number): Heard {
    const late = this.skipped.delete(id);
    if (late) this.late.set(id, { articleId, at: now });
    return { late, ahead: id > this.horizon };
  }

  /** Did an event of this article commit late, at or below `cursor`? A client resuming from there may have missed it. */
  lateAtOrBefore(articleId: string, cursor: bigint): boolean {
    for (const [id, late] of this.late) if (late.articleId === articleId && id <= cursor) return true;
    return false;
  }

  /** Forgets holes and late commits older than FORGET_AFTER_MS. */
  forget(now: number): void {
    const before = now - FORGET_AFTER_MS;
    for (const [id, at] of this.skipped) if (at < before) this.skipped.delete(id);
    for (const [id, late] of this.late) if (late.at < before) this.late.delete(id);
  }
}

/** The events a subscriber has not had yet: strictly after its cursor (a cursor never moves back, so nothing is sent twice). */
export function newerThan<T extends { id: string }>(cursor: bigint, rows: readonly T[]): T[] {
  return rows.filter((row) => BigInt(row.id) > cursor);
}
