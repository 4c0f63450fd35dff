/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the last committed schema.prisma to the working one.
 *
 * Prisma 7's CLI needs a schema engine it cannot download offline, so this uses
 * Prisma 6.19's WebAssembly engine from a scratch folder (installed on first
 * use) against a throwaway embedded database.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "./embedded";
import { ROOT } from "../runtime";

const name = process.argv[2];
const scratch = path.join(os.tmpdir(), "glossa-prisma6");

function datamodelOnly(schema: string): string {
  // Prisma 6 wants a url in the datasource and has no use for the generator.
  return schema
    .replace(/generator client \{[\s\S]*?\n\}/, "")
    .replace(/provider = "postgresql"/, 'provider = "postgresql"\n  url = "postgresql://unused"');
}

async function main() {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:new-migration -- <snake_case_name>");
  if (!existsSync(path.join(scratch, "node_modules/prisma"))) {
    mkdirSync(scratch, { recursive: true });
    writeFileSync(path.join(scratch, "package.json"), '{"private":true}');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "prisma@6.19.3", "@prisma/adapter-pg@6.19.3", "@prisma/client@6.19.3", "pg@8"], { cwd: scratch, stdio: "inherit" });
  }
  writeFileSync(
    path.join(scratch, "prisma.config.ts"),
    `import { PrismaPg } from "@prisma/adapter-pg";
export default { experimental: { adapter: true }, engine: "js", adapter: async () => new PrismaPg({ connectionString: process.env.DIFF_DATABASE_URL }) };\n`,
  );
  const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: ROOT }).toString();
  writeFileSync(path.join(scratch, "old.prisma"), datamodelOnly(committed));
  writeFileSync(path.join(scratch, "new.prisma"), datamodelOnly(readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8")));

  const database = await startEmbeddedDatabase({ dataDir: path.join(scratch, "db"), throwaway: true });
  try {
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-schema-datamodel", "old.prisma", "--to-schema-datamodel", "new.prisma", "--script"],
      {
        cwd: scratch,
        env: { ...process.env, DIFF_DATABASE_URL: database.url, PRISMA_QUERY_ENGINE_LIBRARY: "/usr/bin/true", PRISMA_SCHEMA_ENGINE_BINARY: "/usr/bin/true" },
      },
    )
      .toString()
      .replace(/^Loaded Prisma config.*\n+/m, "");
    if (!sql.trim() || sql.includes("This is an empty migration")) throw new Error("schema.prisma has no change since the last commit.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(ROOT, "prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql — read it, then apply with npm run db:migrate.`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
