import "server-only";
import { db } from "@/lib/db";

/**
 * Whether any annotation of the article (anyone's, private ones too) waits under Needs review:
 * orphaned by a re-import and not dismissed. A yes/no that is shown to no one: it only spares
 * the reader page Needs review's own queries (which then list what the viewer may see) on the
 * articles, nearly all, that have nothing waiting.
 */
export async function hasPendingOrphans(articleId: string): Promise<boolean> {
  const orphan = await db().annotation.findFirst({ where: { articleId, anchorStatus: "ORPHANED", dismissedAt: null }, select: { id: true } });
  return orphan !== null;
}
