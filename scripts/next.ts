import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { ROOT } from "./runtime";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * Spawns the Next.js CLI from this repo with the given environment additions.
 * GLOSSA_NEXT_NODE_ARGS passes options to its Node.js (e.g. `--cpu-prof` to profile a benchmark's server).
 */
export function spawnNext(args: string[], env: Record<string, string> = {}, stdio: "inherit" | "ignore" = "inherit"): ChildProcess {
  const nodeArgs = process.env.GLOSSA_NEXT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return spawn(process.execPath, [...nodeArgs, nextBin, ...args], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio,
  });
}

/** Runs a Next.js CLI command to completion, rejecting on a non-zero exit. */
export function runNext(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnNext(args);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with code ${code}`))));
  });
}
