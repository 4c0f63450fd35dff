import { undoEntityMerge } from "@/lib/server/entities/undo-entity-merge";
import { annotatorRoute, idParams } from "@/lib/server/route";

/** Undo a merge: the merged-away entity comes back with its mentions, quotes and names. */
export const POST = annotatorRoute({ action: "undo merges", params: idParams("mergeId") }, async ({ actor, params }) => undoEntityMerge({ actor, mergeId: params.mergeId }));
