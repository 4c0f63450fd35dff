import "server-only";
import { randomBytes } from "node:crypto";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

export type EnsureAdminResult = { status: "exists" } | { status: "created"; email: string; password: string; generated: boolean };

/**
 * Makes sure an install has an admin: the first start creates one from
 * ADMIN_EMAIL/ADMIN_PASSWORD, or with a fresh random password (never a
 * default shared across installs) that the caller prints once.
 */
export async function ensureAdmin(env: { email?: string; password?: string }): Promise<EnsureAdminResult> {
  if (await db().user.findFirst({ where: { role: "ADMIN" }, select: { id: true } })) return { status: "exists" };

  const email = (env.email ?? "admin@glossa.local").trim().toLowerCase();
  const password = env.password ?? randomBytes(12).toString("base64url");
  if (password.length < 10) throw new Error("ADMIN_PASSWORD must be at least 10 characters.");
  const context = await auth().$context;
  const existing = await context.internalAdapter.findUserByEmail(email);
  if (existing) {
    await db().user.update({ where: { id: existing.user.id }, data: { role: "ADMIN", disabledAt: null } });
    return { status: "created", email, password: "(unchanged: existing account promoted)", generated: false };
  }
  const user = await context.internalAdapter.createUser({ email, name: "Administrator", emailVerified: true }, { method: "admin" });
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(password),
  });
  await db().user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
  return { status: "created", email, password, generated: env.password === undefined };
}
