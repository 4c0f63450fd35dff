import { checkDatabase } from "@/lib/server/check-database";
import { isShuttingDown } from "@/lib/server/shutdown-state";
import { publicRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** For load balancers and start-up scripts: 200 while the database answers, 503 while it does not or the instance is stopping. Never asks who is calling. */
export const GET = publicRoute({}, async () => {
  // Draining after SIGTERM: out of the load balancer's rotation while the requests in flight finish.
  if (isShuttingDown()) return Response.json({ status: "stopping" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  const databaseUp = await checkDatabase();
  return Response.json(
    { status: databaseUp ? "ok" : "unavailable", database: databaseUp ? "up" : "down" },
    { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
