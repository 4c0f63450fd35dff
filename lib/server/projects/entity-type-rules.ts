import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { contrastProblem } from "@/lib/projects/contrast";
import { AppError } from "@/lib/server/errors";

/**
 * What a label set must keep true when a type is added or changed, with the message the Manager
 * reads: a colour that shows in both themes (422), a key and a hotkey no other type of the project
 * has (409). The unique indexes back the last two up under concurrency.
 */
export async function assertEntityTypeFits(
  tx: Prisma.TransactionClient,
  projectId: string,
  candidate: { key?: string; hotkey?: string | null; color?: string },
  exceptTypeId: string | null,
): Promise<void> {
  if (candidate.color !== undefined) {
    const problem = contrastProblem(candidate.color);
    if (problem) throw new AppError("UNPROCESSABLE", problem, { field: "color" });
  }
  const others = { projectId, ...(exceptTypeId ? { id: { not: exceptTypeId } } : {}) };
  if (candidate.key !== undefined) {
    const clash = await tx.entityType.findFirst({ where: { ...others, key: candidate.key }, select: { label: true } });
    if (clash) throw new AppError("CONFLICT", `The key ${candidate.key} is already ${clash.label}'s: keys are unique in a project.`, { field: "key" });
  }
  if (candidate.hotkey) {
    const clash = await tx.entityType.findFirst({ where: { ...others, hotkey: candidate.hotkey }, select: { label: true } });
    if (clash) throw new AppError("CONFLICT", `Hotkey ${candidate.hotkey} is already ${clash.label}'s: choose another digit, or free it there first.`, { field: "hotkey" });
  }
}
