import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/server/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const databaseUp = await checkDatabase();
  return NextResponse.json(
    { status: databaseUp ? "ok" : "unavailable", database: databaseUp ? "up" : "down" },
    { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
