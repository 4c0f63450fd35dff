import { createEntity, createEntitySchema } from "@/lib/server/entities/create-entity";
import { searchEntities, searchEntitiesSchema } from "@/lib/server/entities/search-entities";
import { annotatorRoute, jsonBody, readerRoute } from "@/lib/server/route";

/** Type-ahead over one type's entities: `?typeId=&q=`. */
export const GET = readerRoute({ action: "search entities", query: searchEntitiesSchema }, async ({ actor, query }) =>
  searchEntities({ actor, input: query }),
);

/** A new entity under the name typed in the Entity box's create option. */
export const POST = annotatorRoute({ action: "create entities", body: jsonBody(createEntitySchema), status: 201 }, async ({ actor, body }) => createEntity({ actor, input: body }));
