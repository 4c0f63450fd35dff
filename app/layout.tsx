import "@fontsource-variable/literata";
import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import Link from "next/link";

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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-[var(--page)] focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-[var(--rule)] bg-[var(--page)]/90 backdrop-blur">
          <nav aria-label="Main" className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
            <Link href="/" className="font-serif text-xl font-semibold tracking-tight">
              Glossa
            </Link>
            <Link href="/" className="text-sm text-[var(--muted)] hover:text-[var(--ink)]">
              Library
            </Link>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 pb-24 pt-8">
          {children}
        </main>
      </body>
    </html>
  );
}
