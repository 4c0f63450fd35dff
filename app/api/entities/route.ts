import { searchEntities, searchEntitiesSchema } from "@/lib/server/entities/search-entities";
import { readerRoute } from "@/lib/server/route";

/** Type-ahead over one type's entities: `?typeId=&q=`. */
export const GET = readerRoute({ action: "search entities", query: searchEntitiesSchema }, async ({ actor, query }) =>
  searchEntities({ actor, input: query }),
);
