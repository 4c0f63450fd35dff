import { describe, expect, it } from "vitest";
import { EventSequencer, FORGET_AFTER_MS, GAP_TIMEOUT_MS, newerThan } from "./event-sequencer";

const rows = (...ids: number[]) => ids.map((id) => ({ id: String(id) }));
const ids = (list: { id: string }[]) => list.map((row) => Number(row.id));

/** A sequencer started at `horizon`, with every id below it committed unless `present` lists the ones that are. */
function startedAt(horizon: number, present?: number[]): EventSequencer {
  const sequencer = new EventSequencer();
  const all = Array.from({ length: Math.min(horizon, 1000) }, (_, n) => BigInt(horizon) - BigInt(n));
  sequencer.start(BigInt(horizon), present ? present.map(BigInt) : all, 0);
  return sequencer;
}

describe("EventSequencer.settle: delivers in id order, waiting on holes for a while", () => {
  it.each<[string, number, number[], number, { settled: number[]; horizon: number; retryInMs: number | null }]>([
    ["consecutive ids go straight through", 10, [11, 12, 13], 0, { settled: [11, 12, 13], horizon: 13, retryInMs: null }],
    ["nothing new", 10, [], 0, { settled: [], horizon: 10, retryInMs: null }],
    ["a hole stops delivery at it, and says when to look again", 10, [11, 13, 14], 0, { settled: [11], horizon: 11, retryInMs: GAP_TIMEOUT_MS }],
    ["a hole right after the horizon", 10, [12], 0, { settled: [], horizon: 10, retryInMs: GAP_TIMEOUT_MS }],
    ["rows already handed out are dropped (a duplicate read)", 10, [9, 10, 11], 0, { settled: [11], horizon: 11, retryInMs: null }],
  ])("%s", (_name, horizon, read, now, expected) => {
    const sequencer = startedAt(horizon);
    const result = sequencer.settle(rows(...read), now);
    expect({ settled: ids(result.settled), horizon: Number(sequencer.horizon), retryInMs: result.retryInMs }).toEqual(expected);
  });

  it("keeps ids beyond a JavaScript number exact", () => {
    const sequencer = new EventSequencer();
    sequencer.start(BigInt("9007199254740992"), [BigInt("9007199254740992"), BigInt("9007199254740991")], 0);
    const read = [{ id: "9007199254740993" }, { id: "9007199254740994" }];
    expect(sequencer.settle(read, 0).settled).toEqual(read);
    expect(sequencer.horizon).toBe(BigInt("9007199254740994"));
  });

  it("moves past a hole once it has waited long enough, remembering it as skipped", () => {
    const sequencer = startedAt(10);
    expect(ids(sequencer.settle(rows(12, 13), 1000).settled)).toEqual([]);
    expect(sequencer.settle(rows(12, 13), 1000 + GAP_TIMEOUT_MS - 1).retryInMs).toBe(1);
    expect(ids(sequencer.settle(rows(12, 13), 1000 + GAP_TIMEOUT_MS).settled)).toEqual([12, 13]);
    expect(sequencer.horizon).toBe(BigInt(13));
    expect(sequencer.skippedIds()).toEqual([BigInt(11)]);
  });

  it("a hole that fills in time is delivered in order", () => {
    const sequencer = startedAt(10);
    sequencer.settle(rows(12), 0);
    expect(ids(sequencer.settle(rows(11, 12), 100).settled)).toEqual([11, 12]);
    expect(sequencer.skippedIds()).toEqual([]);
  });

  it("asks for more when a full batch was read", () => {
    const sequencer = startedAt(0);
    expect(sequencer.settle(rows(1, 2, 3), 0, 3).more).toBe(true);
    expect(sequencer.settle(rows(4), 0, 3).more).toBe(false);
  });
});

describe("EventSequencer: late commits", () => {
  it("a skipped id that commits is late, once; an id past the horizon is ahead", () => {
    const sequencer = startedAt(10);
    sequencer.settle(rows(12), 0);
    sequencer.settle(rows(12), GAP_TIMEOUT_MS);
    expect(sequencer.heard(BigInt(11), "a1", 5000)).toEqual({ late: true, ahead: false });
    expect(sequencer.heard(BigInt(11), "a1", 5001)).toEqual({ late: false, ahead: false });
    expect(sequencer.heard(BigInt(13), "a1", 5002)).toEqual({ late: false, ahead: true });
    expect(sequencer.lateAtOrBefore("a1", BigInt(11))).toBe(true);
    expect(sequencer.lateAtOrBefore("a1", BigInt(10))).toBe(false);
    expect(sequencer.lateAtOrBefore("a2", BigInt(20))).toBe(false);
    sequencer.forget(5000 + FORGET_AFTER_MS + 1);
    expect(sequencer.lateAtOrBefore("a1", BigInt(11))).toBe(false);
  });

  it("a fresh start watches the holes just below the newest id (transactions that may still commit)", () => {
    const sequencer = startedAt(10, [1, 2, 3, 5, 6, 8, 10]);
    expect(sequencer.skippedIds().map(Number).sort((a, b) => a - b)).toEqual([4, 7, 9]);
    expect(sequencer.heard(BigInt(7), "a1", 1)).toEqual({ late: true, ahead: false });
  });

  it("forgets old holes", () => {
    const sequencer = startedAt(5, [5]);
    expect(sequencer.skippedIds()).toHaveLength(4);
    sequencer.forget(FORGET_AFTER_MS + 1);
    expect(sequencer.skippedIds()).toEqual([]);
  });
});

describe("newerThan: never the same event twice", () => {
  it.each<[number, number[], number[]]>([
    [-1, [1, 2], [1, 2]],
    [1, [1, 2, 3], [2, 3]],
    [5, [1, 2, 3], []],
  ])("after %i of %j → %j", (cursor, read, expected) => {
    expect(ids(newerThan(BigInt(cursor), rows(...read)))).toEqual(expected);
  });
});
