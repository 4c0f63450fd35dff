// No "server-only": proxy.ts (which answers the API's preflights) imports this too.
import { parseCorsOrigins, type CorsPolicy } from "@/lib/protocol/cors";

let cached: { value: string | undefined; policy: CorsPolicy } | undefined;

/** The API's CORS policy from GLOSSA_CORS_ORIGINS (default: no other origin), parsed once per value. */
export function corsPolicy(): CorsPolicy {
  const value = process.env.GLOSSA_CORS_ORIGINS;
  if (!cached || cached.value !== value) cached = { value, policy: parseCorsOrigins(value) };
  return cached.policy;
}
