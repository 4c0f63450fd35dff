import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";

/** The entity types every install starts with; admins may add or relabel. Hotkeys 1–5 follow this order. */
export const DEFAULT_ENTITY_TYPES = [
  { key: "PER", label: "Person", color: "#2563eb", hotkey: "1" },
  { key: "ORG", label: "Organisation", color: "#9333ea", hotkey: "2" },
  { key: "LOC", label: "Location", color: "#059669", hotkey: "3" },
  { key: "EVENT", label: "Event", color: "#d97706", hotkey: "4" },
  { key: "MISC", label: "Other", color: "#64748b", hotkey: "5" },
] as const;

/**
 * Creates the default entity types that are missing in a project (the default project unless
 * named); never overwrites a Manager's edits.
 */
export async function ensureDefaultEntityTypes(projectId: string = DEFAULT_PROJECT_ID): Promise<void> {
  await db().entityType.createMany({
    data: DEFAULT_ENTITY_TYPES.map((type, index) => ({ ...type, projectId, position: index + 1 })),
    skipDuplicates: true,
  });
}
