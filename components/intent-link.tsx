"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A client-side link prefetched when someone shows the intent to follow it (pointer over it, keyboard
 * focus, a touch), not whenever it is on screen: for links on every page (the site header) or every
 * reader page (Sign in to annotate). Prefetched on sight, they made each page view ask the server to
 * render every page they lead to (insights and the admin lists among them) while the page itself was
 * still loading: on the 2,000-paragraph reader that was the renderer reading eight router prefetches'
 * answers, and the server rendering them, while the rest of the text was coming in (Chromium profile,
 * `npm run bench reader`).
 */
export function IntentLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link href={href} prefetch={false} onPointerEnter={prefetch} onFocus={prefetch} onTouchStart={prefetch} className={className}>
      {children}
    </Link>
  );
}
