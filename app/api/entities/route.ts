import { searchEntities } from "@/lib/server/entities/search-entities";
import { handleRoute } from "@/lib/server/route";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return handleRoute(async () => searchEntities({ typeId: params.get("typeId") ?? undefined, q: params.get("q") ?? undefined }));
}
