import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { announceSessionEnded } from "@/lib/server/live/sessions-ended";
import { signInLimits } from "@/lib/server/auth/sign-in-limits";
import { isLocalhost } from "@/lib/security-headers";
import { colorForUser } from "@/lib/user-colors";

function createAuth() {
  const settings = config();
  // As better-auth does, limits apply to production servers only (dev and tests sign in freely).
  const rateLimits = process.env.NODE_ENV === "production";
  return betterAuth({
    appName: "Glossa",
    secret: settings.BETTER_AUTH_SECRET,
    baseURL: settings.baseURL,
    trustedOrigins: settings.trustedOrigins,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: !settings.GLOSSA_OPEN_SIGNUP,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: settings.GLOSSA_DEFAULT_ROLE },
        color: { type: "string", input: false, required: false },
        disabledAt: { type: "date", input: false, required: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // Signed session data in a cookie, so reading the session needs no database query;
      // getActor still confirms the session and the user's role with one (see get-actor.ts).
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
    // Stored in PostgreSQL so every app instance shares one count. Email sign-in and sign-up are
    // limited per address and per account by signInLimits instead of better-auth's per-address rule.
    rateLimit: {
      enabled: rateLimits,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": false, "/sign-up/email": false },
    },
    advanced: {
      // Lets the adapter read the session with its user when the cookie cache is refreshed
      // (Prisma still sends two queries for it; getActor's confirmation is the one per request).
      database: { joins: true },
      useSecureCookies: !isLocalhost(settings.baseURL),
      // The client address the server resolved from the socket and GLOSSA_TRUSTED_PROXIES
      // (instrumentation.ts), never X-Forwarded-For as a client wrote it.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({ data: { ...user, color: colorForUser(user.email) } }),
        },
      },
      session: {
        create: {
          // A disabled account cannot start a session, whatever its password.
          before: async (session) => {
            const user = await db().user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (user?.disabledAt) throw new APIError("FORBIDDEN", { message: "This account has been disabled by an administrator." });
          },
        },
        // Signing out closes that session's open live feeds, in every tab and on every instance.
        delete: { after: async (session) => announceSessionEnded(session.id) },
      },
    },
    plugins: [signInLimits({ enabled: rateLimits }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const cached = globalThis as unknown as { glossaAuth?: Auth };

/** The better-auth instance, created on first use so builds need no secret. */
export function auth(): Auth {
  cached.glossaAuth ??= createAuth();
  return cached.glossaAuth;
}
