import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { preferJitlessZod } from "./zod-config";

type Global = { __zod_globalConfig?: Record<string, unknown> };

/**
 * What a fresh zod does when the page set `settings` on the global object before loading it: a child
 * Node process each time, since a module loaded once keeps the settings object it found.
 */
function freshZod(settings: Global["__zod_globalConfig"]): { jitless: unknown; probesEval: boolean; parses: boolean; refuses: boolean } {
  const script = `
    if (${JSON.stringify(settings ?? null)}) globalThis.__zod_globalConfig = ${JSON.stringify(settings ?? null)};
    const { z } = await import("zod");
    const { util } = await import("zod/v4/core");
    const schema = z.object({ name: z.string().min(1) });
    console.log(JSON.stringify({
      jitless: z.config().jitless ?? null,
      probesEval: util.allowsEval.value,
      parses: schema.parse({ name: "Ann" }).name === "Ann",
      refuses: !schema.safeParse({ name: "" }).success,
    }));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: process.cwd(), encoding: "utf8" })) as ReturnType<typeof freshZod>;
}

describe("preferJitlessZod", () => {
  it("makes a zod loaded afterwards jitless: no `new Function` probe (a CSP violation in the browser), schemas still work", () => {
    const page: Global = {};
    preferJitlessZod(page);
    expect(freshZod(page.__zod_globalConfig)).toEqual({ jitless: true, probesEval: false, parses: true, refuses: true });
  });

  it("without it, zod probes for eval (what the setting avoids)", () => {
    expect(freshZod(undefined)).toMatchObject({ jitless: null, probesEval: true });
  });

  it("keeps settings already made, on the object zod already holds", () => {
    const page: Global = { __zod_globalConfig: { customError: "kept" } };
    const held = page.__zod_globalConfig;
    preferJitlessZod(page);
    expect(page.__zod_globalConfig).toBe(held);
    expect(page.__zod_globalConfig).toEqual({ customError: "kept", jitless: true });
  });

  it("sets the global object's settings by default", () => {
    const global = globalThis as Global;
    const before = global.__zod_globalConfig;
    const jitlessBefore = before?.jitless;
    try {
      preferJitlessZod();
      expect(global.__zod_globalConfig?.jitless).toBe(true);
    } finally {
      // Leave a zod already loaded in this worker as it was.
      if (before === undefined) delete global.__zod_globalConfig;
      else if (jitlessBefore === undefined) delete before.jitless;
      else before.jitless = jitlessBefore;
    }
  });
});
