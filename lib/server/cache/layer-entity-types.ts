import "server-only";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import type { ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { listArticleEntityTypes } from "@/lib/server/projects/list-article-entity-types";

/** Per layer (a project's label set), valid for one digest of every entity type: a few dozen small rows in all. */
const labelSets = new VersionedCache<EntityTypeDTO[]>({ maxEntries: 1000 });

/**
 * The label set of the project layer `layer` (listArticleEntityTypes), read once per version of
 * the entity types: the stamp's digest covers every column the reader shows (key, label, colour,
 * hotkey, order, description, project), so an admin's edit on any instance is on the next page.
 * Every reader of a page reads it, signed in or not: this spares them a query each.
 */
export function layerEntityTypes({ stamp, layer }: { stamp: Pick<ArticleStamp, "entityTypesVersion">; layer: string | null }): Promise<EntityTypeDTO[]> {
  return labelSets.get(layer ?? "-", stamp.entityTypesVersion, () => listArticleEntityTypes({ layer }));
}
