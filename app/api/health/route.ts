import { checkDatabase } from "@/lib/server/check-database";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** For load balancers and start-up scripts: 200 while the database answers, 503 while it does not. Never asks who is calling. */
export const GET = publicRoute({}, async () => {
  const databaseUp = await checkDatabase();
  return Response.json(
    { status: databaseUp ? "ok" : "unavailable", database: databaseUp ? "up" : "down" },
    { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
