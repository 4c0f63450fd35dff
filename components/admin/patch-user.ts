import type { UpdateUserInput } from "@/lib/validations/user";

export type PatchUserResult = { ok: true } | { ok: false; error: string };

/** Sends an admin's change to `PATCH /api/admin/users/[userId]`, answering the server's message on failure. */
export async function patchUser(userId: string, changes: UpdateUserInput): Promise<PatchUserResult> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/users/${encodeURIComponent(userId)}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(changes),
    });
  } catch {
    return { ok: false, error: "Could not reach the server. Nothing was changed." };
  }
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { ok: false, error: body?.error?.message ?? `Nothing was changed (the server answered ${response.status}).` };
}
