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
  cached.glossaPrisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10 }),
    // Prisma's defaults (2 s to get a connection, 5 s for the whole transaction) fail writes on a
    // busy machine that would have finished a moment later; a write should slow down, not be lost.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  return cached.glossaPrisma;
}
