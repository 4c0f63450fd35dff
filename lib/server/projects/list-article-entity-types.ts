import "server-only";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { listEntityTypes } from "@/lib/server/entities/list-entity-types";

/**
 * The entity types the reader's Tag entity menu offers on an article: the label set of the project
 * layer they read it in (viewLayerOf, lib/server/cache/viewer-annotations.ts: the layer their new
 * tags go into); the default project's for an article in no project.
 */
export async function listArticleEntityTypes({ layer }: { layer: string | null }): Promise<EntityTypeDTO[]> {
  return listEntityTypes(layer ?? DEFAULT_PROJECT_ID);
}
