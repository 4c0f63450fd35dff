/** zod's shared settings object, as zod v4 keeps it on the global object (zod/v4/core/core.js). */
interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

/**
 * Makes zod run jitless (interpreted object parsers, no `new Function` probe) without loading zod.
 * zod v4 takes its settings from `globalThis.__zod_globalConfig` when its module first runs (the
 * object is shared by every copy of zod on the page), so setting it here before any app code runs
 * (instrumentation-client.ts) holds for every schema the page builds. Importing zod to call
 * `z.config` would put all of zod (~106 KB) in the scripts every page loads before it is
 * interactive, pages that never validate anything included. Keeps any other setting already there.
 */
export function preferJitlessZod(target: ZodGlobal = globalThis as ZodGlobal): void {
  target.__zod_globalConfig = Object.assign(target.__zod_globalConfig ?? {}, { jitless: true });
}
