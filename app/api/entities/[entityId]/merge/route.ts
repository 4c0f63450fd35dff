import { mergeEntities } from "@/lib/server/entities/merge-entities";
import { mergeEntitiesSchema } from "@/lib/server/entities/merge-snapshot";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";

/** Merge entities: this entity merges into `targetId` (mentions, quotes and names move; Undo with the merge id). */
export const POST = annotatorRoute({ action: "merge entities", params: idParams("entityId"), body: jsonBody(mergeEntitiesSchema) }, async ({ actor, params, body }) =>
  mergeEntities({ actor, sourceId: params.entityId, input: body }),
);
