import "server-only";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const schema = z.object({
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters."),
  BETTER_AUTH_URL: z.url().optional(),
  GLOSSA_PORT: z.coerce.number().int().positive().default(3000),
  GLOSSA_OPEN_SIGNUP: flag.default(true),
  GLOSSA_DEFAULT_ROLE: z.enum(["ANNOTATOR", "READER"]).default("ANNOTATOR"),
  GLOSSA_REQUIRE_SIGN_IN: flag.default(false),
  GLOSSA_TRUSTED_PROXIES: z.string().optional(),
});

export type GlossaConfig = z.infer<typeof schema> & { baseURL: string; trustedOrigins: string[] };

let cached: GlossaConfig | undefined;

/** Environment configuration, parsed once; a bad value stops the server with a message naming it. */
export function config(): GlossaConfig {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const env = parsed.data;
  const baseURL = env.BETTER_AUTH_URL ?? `http://localhost:${env.GLOSSA_PORT}`;
  const trustedOrigins = [
    new URL(baseURL).origin,
    `http://localhost:${env.GLOSSA_PORT}`,
    `http://127.0.0.1:${env.GLOSSA_PORT}`,
  ];
  cached = { ...env, baseURL, trustedOrigins: [...new Set(trustedOrigins)] };
  return cached;
}
