import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const cached = globalThis as unknown as { glossaPrisma?: PrismaClient };

/**
 * The one PrismaClient of the process, created on first use (not at import,
 * so `next build` never needs a database) and kept on globalThis so dev
 * reloads reuse its pool.
 */
export function db(): PrismaClient {
  if (cached.glossaPrisma) return cached.glossaPrisma;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start Glossa with `npm start`, which provides the embedded database.");
  }
  cached.glossaPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
  return cached.glossaPrisma;
}
