import Link from "next/link";
import type { ReactNode } from "react";

/**
 * A search hit's link. One into a project layer (`layered`, see articleHref in
 * lib/projects/layer-link.ts) is a plain link: following it sets the reader's Project layer, so it
 * must never be prefetched (showing a hit would change their choice) and loads the page afresh in
 * that layer, keeping its #fragment. Others are client-side links, as before.
 */
export function HitLink({ href, layered, className, children }: { href: string; layered: boolean; className: string; children: ReactNode }) {
  if (layered) {
    return (
      <a href={href} className={className}>
        {children}
      </a>
    );
  }
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}
