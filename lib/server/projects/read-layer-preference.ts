import "server-only";
import { cookies } from "next/headers";
import { LAYER_COOKIE, parseLayerPreference } from "@/lib/projects/layer-preference";

/**
 * The project layers this request's reader chose last, newest first (the `glossa-layers` cookie
 * the reader's **Project layer** box writes). Outside a request (scripts, tests) there is no
 * choice: every read then takes the reader's default layer.
 */
export async function readLayerPreference(): Promise<string[]> {
  try {
    return parseLayerPreference((await cookies()).get(LAYER_COOKIE)?.value);
  } catch {
    return [];
  }
}
