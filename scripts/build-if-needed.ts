import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./runtime";
import { runNext } from "./next";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"];
const DIST_DIR = path.join(ROOT, process.env.GLOSSA_DIST_DIR ?? ".next");
const STAMP = path.join(DIST_DIR, "glossa-source-stamp");

/** Runs `next build` unless the last build was made from the same sources (paths, sizes, mtimes). */
export async function buildIfNeeded(log: (message: string) => void): Promise<void> {
  const stamp = sourceStamp();
  const built = existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
  if (built) return;
  log("Building Glossa (production build, about a minute the first time) …");
  await runNext(["build"]);
  writeFileSync(STAMP, stamp);
}

function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const absolute = path.join(ROOT, relative);
    if (!existsSync(absolute) || relative.includes("generated")) return;
    const stats = statSync(absolute);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(`${relative}:${stats.size}:${stats.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(visit);
  return hash.digest("hex");
}
