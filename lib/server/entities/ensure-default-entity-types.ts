import "server-only";
import { db } from "@/lib/db";

/** The entity types every install starts with; admins may add or relabel. Hotkeys 1–5 follow this order. */
export const DEFAULT_ENTITY_TYPES = [
  { key: "PER", label: "Person", color: "#2563eb", hotkey: "1" },
  { key: "ORG", label: "Organisation", color: "#9333ea", hotkey: "2" },
  { key: "LOC", label: "Location", color: "#059669", hotkey: "3" },
  { key: "EVENT", label: "Event", color: "#d97706", hotkey: "4" },
  { key: "MISC", label: "Other", color: "#64748b", hotkey: "5" },
] as const;

/** Creates the default entity types that are missing; never overwrites an admin's edits. */
export async function ensureDefaultEntityTypes(): Promise<void> {
  await db().entityType.createMany({
    data: DEFAULT_ENTITY_TYPES.map((type, index) => ({ ...type, position: index + 1 })),
    skipDuplicates: true,
  });
}
