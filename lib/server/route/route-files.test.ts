/**
 * Keeps every API route behind the gate: each handler in app/api/**\/route.ts is made by
 * publicRoute, readerRoute, annotatorRoute or adminRoute (lib/server/route), and none looks up
 * the actor or reads the request body itself, where it could skip the origin check, the cap or
 * the authentication that must come before reading.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const API = path.resolve(import.meta.dirname, "../../../app/api");

/** Routes that are not Glossa's own handlers, with the reason. */
const OUTSIDE_THE_GATE: Record<string, string> = {
  "auth/[...all]/route.ts": "better-auth's own endpoints, which check their origin themselves",
};

const FORBIDDEN: [RegExp, string][] = [
  [/\bgetActor\b/, "looks up the actor itself (the gate does, with the role check)"],
  [/\bget-actor\b/, "imports get-actor (the gate authenticates)"],
  [/\.(json|text|formData|arrayBuffer|blob|bytes)\(\s*\)/, "reads the body itself (uncapped, maybe before authenticating)"],
  [/\b(request|req)\.body\b/, "reads the body stream itself (uncapped)"],
  [/\bhandleRoute\b/, "bypasses the gate (handleRoute maps errors only)"],
  [/export\s+(async\s+)?function\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/, "exports a bare handler instead of one made by a gate"],
];

function routeFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), relative);
    return entry.name === "route.ts" ? [relative] : [];
  });
}

const files = routeFiles(API).filter((file) => !(file in OUTSIDE_THE_GATE));

describe("every API route passes the gate", () => {
  it("finds the routes", () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files)("app/api/%s", (file) => {
    const source = readFileSync(path.join(API, file), "utf8");
    const problems = FORBIDDEN.filter(([pattern]) => pattern.test(source)).map(([, why]) => why);
    const handlers = [...source.matchAll(/export\s+const\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\s*=\s*(\w+)/g)];
    if (handlers.length === 0) problems.push("exports no handler made by a gate");
    for (const [, method, maker] of handlers) {
      if (!["publicRoute", "readerRoute", "annotatorRoute", "adminRoute"].includes(maker!)) problems.push(`${method} is made by ${maker}, not a gate`);
    }
    expect(problems).toEqual([]);
  });
});
