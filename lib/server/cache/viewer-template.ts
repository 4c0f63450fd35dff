import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/permissions";

/**
 * The header of the page cache's render "as a template viewer": the signed-in page rendered for a
 * made-up user of one role whose id, name, email and colour are random tokens, so that the page can
 * be cut at them and filled with each real viewer's (serve-cached-page.ts). It carries this
 * process's secret, so only the cache itself can ask for such a render: anyone else sending the
 * header is nobody (getActor then reads their session as usual).
 */
export const VIEWER_TEMPLATE_HEADER = "x-glossa-viewer-template";

/** The identity fields a template viewer has tokens for, in the page's slot names. */
export const VIEWER_SLOTS = ["id", "name", "email", "color"] as const;

const templateActor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  email: z.string().min(1),
  color: z.string().min(1),
  role: z.enum(["ADMIN", "CURATOR", "ANNOTATOR", "READER"]),
});

/**
 * This process's secret (random per process, never sent out): kept on globalThis because Next
 * bundles the cache's route and the page separately, each with its own copy of this module.
 */
function secret(): Buffer {
  const key = Symbol.for("glossa.viewerTemplateSecret");
  const holder = globalThis as typeof globalThis & { [key]?: Buffer };
  return (holder[key] ??= randomBytes(32));
}

/** The header value that makes this process render the page for `actor` (see VIEWER_TEMPLATE_HEADER). */
export function viewerTemplateHeader(actor: Actor): string {
  return `${secret().toString("base64url")}.${Buffer.from(JSON.stringify(actor)).toString("base64url")}`;
}

/** The template viewer a request names with this process's secret, else null (no header, a wrong secret, a malformed actor). */
export function templateViewerOf(headers: Headers): Actor | null {
  const value = headers.get(VIEWER_TEMPLATE_HEADER);
  if (!value) return null;
  const dot = value.indexOf(".");
  const given = Buffer.from(value.slice(0, Math.max(dot, 0)), "base64url");
  const expected = secret();
  if (dot < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = templateActor.safeParse(JSON.parse(Buffer.from(value.slice(dot + 1), "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The two template viewers' letters: no character, and no length, in common. */
const ALPHABETS = [
  { letters: "abcdefghijklm", length: 28 },
  { letters: "nopqrstuvwxyz", length: 29 },
] as const;

/**
 * A made-up viewer of `role` whose identity fields are fresh random tokens of lower-case letters
 * (written alike in every context). The two variants share no letter at any position and no length,
 * so anything a page derives from a field (an initial, a length, a case change) differs between
 * their renders.
 */
export function templateViewer(role: Actor["role"], variant: 0 | 1): Actor {
  const { letters, length } = ALPHABETS[variant];
  const token = () => Array.from(randomBytes(length), (byte) => letters[byte % letters.length]).join("");
  return { id: token(), name: token(), email: token(), color: token(), role };
}
