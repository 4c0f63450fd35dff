import "@fontsource-variable/literata";
import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { getActor } from "@/lib/server/auth/get-actor";

// Every page shows who is signed in, so nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Glossa", template: "%s · Glossa" },
  description: "Read articles together and annotate them.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#161513" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-[var(--page)] focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader actor={await getActor()} />
        <main id="main" className="mx-auto max-w-6xl px-4 pb-24 pt-8">
          {children}
        </main>
      </body>
    </html>
  );
}
