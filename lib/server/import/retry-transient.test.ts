import { describe, expect, it } from "vitest";
import { isTransientDatabaseError, retryTransient } from "./retry-transient";

const withCode = (code: string, message = "boom") => Object.assign(new Error(message), { code });

describe("isTransientDatabaseError", () => {
  it.each([
    ["deadlock", withCode("40P01"), true],
    ["serialization failure", withCode("40001"), true],
    ["server shutting down (restart)", withCode("57P01", "terminating connection due to administrator command"), true],
    ["server starting up", withCode("57P03"), true],
    ["connection failure", withCode("08006"), true],
    ["too many connections", withCode("53300"), true],
    ["refused socket", withCode("ECONNREFUSED"), true],
    ["Prisma: server unreachable", withCode("P1001"), true],
    ["Prisma: write conflict or deadlock", withCode("P2034"), true],
    ["Prisma adapter carrying the SQLSTATE", Object.assign(new Error("x"), { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "40P01" } } } }), true],
    ["wrapped as a cause", new Error("outer", { cause: withCode("08003") }), true],
    ["node-postgres: connection terminated", new Error("Connection terminated unexpectedly"), true],
    ["unique violation", withCode("23505"), false],
    ["Prisma unique violation", withCode("P2002"), false],
    ["check violation", withCode("23514"), false],
    ["invalid text (bad data)", withCode("22P02"), false],
    ["plain error", new Error("the article is too large"), false],
    ["not an error", "40P01", false],
    ["null", null, false],
  ])("%s → %s", (_, error, transient) => {
    expect(isTransientDatabaseError(error)).toBe(transient);
  });
});

describe("retryTransient", () => {
  it("retries transient errors with backoff until the work succeeds", async () => {
    let calls = 0;
    const started = Date.now();
    const result = await retryTransient(
      async () => {
        if (++calls < 3) throw withCode("40P01");
        return "done";
      },
      { baseMs: 20 },
    );
    expect(result).toBe("done");
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20 * 0.75 + 40 * 0.75 - 5);
  });

  it("throws any other error at once", async () => {
    let calls = 0;
    await expect(
      retryTransient(async () => {
        calls++;
        throw withCode("23505");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
  });

  it("gives up after the last attempt with the transient error", async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw withCode("57P01");
        },
        { attempts: 4, baseMs: 1 },
      ),
    ).rejects.toMatchObject({ code: "57P01" });
    expect(calls).toBe(4);
  });
});
