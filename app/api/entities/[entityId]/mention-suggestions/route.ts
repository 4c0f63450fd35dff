import { findEntityMentionSuggestions } from "@/lib/server/mentions/find-entity-mention-suggestions";
import { idParams, readerRoute } from "@/lib/server/route";

/** Find mentions (entity page): the entity's untagged mentions across the articles the actor may read, by article. */
export const POST = readerRoute({ action: "find mentions", params: idParams("entityId") }, async ({ actor, params }) => findEntityMentionSuggestions({ actor, entityId: params.entityId }));
