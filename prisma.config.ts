import { defineConfig } from "prisma/config";

// Only `prisma generate` is used from the CLI (migrations are applied by
// scripts/db/migrate.ts), so no datasource URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
