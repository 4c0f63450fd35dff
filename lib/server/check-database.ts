import "server-only";
import { db } from "@/lib/db";

/** One round-trip to PostgreSQL, bounded so a hung database reads as down. */
export async function checkDatabase(timeoutMs = 2000): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const query = db().$queryRaw`SELECT 1`.then(() => true as const, () => false as const);
  return Promise.race([query, timeout]);
}
