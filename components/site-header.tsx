import { SignOutButton } from "@/components/auth/sign-out-button";
import { IntentLink } from "@/components/intent-link";
import type { Actor } from "@/lib/permissions";

const ROLE_LABEL = { ADMIN: "Admin", CURATOR: "Curator", ANNOTATOR: "Annotator", READER: "Reader" } as const;

/** The header's links: what everyone reads, then what a signed-in person and an admin may open. */
function navLinks(actor: Actor | null): { href: string; label: string }[] {
  return [
    { href: "/", label: "Library" },
    { href: "/insights", label: "Insights" },
    ...(actor ? [{ href: "/projects", label: "Projects" }] : []),
    ...(actor?.role === "ADMIN"
      ? [
          { href: "/admin/import", label: "Import" },
          { href: "/admin/articles", label: "Articles" },
          { href: "/admin/users", label: "Users" },
        ]
      : []),
  ];
}

export function SiteHeader({ actor }: { actor: Actor | null }) {
  return (
    <header className="sticky top-0 z-40 border-b border-[var(--rule)] bg-[var(--page)]/90 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-2 text-sm">
        <IntentLink href="/" className="font-serif text-xl font-semibold tracking-tight">
          Glossa
        </IntentLink>
        {navLinks(actor).map(({ href, label }) => (
          <IntentLink key={href} href={href} className="text-[var(--muted)] hover:text-[var(--ink)]">
            {label}
          </IntentLink>
        ))}
        {/* A plain GET form: /search?q=… is a real, shareable URL, and it works before JavaScript loads. */}
        <form role="search" aria-label="Site search" action="/search" method="get" className="order-last w-full sm:order-none sm:ml-auto sm:w-auto">
          <input
            type="search"
            name="q"
            aria-label="Search"
            placeholder="Search"
            maxLength={1000}
            className="w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-1 placeholder:text-[var(--muted)] sm:w-56"
          />
        </form>
        <div className="ml-auto flex min-w-0 items-center gap-4 sm:ml-0">
          {actor ? (
            <>
              <span className="flex min-w-0 items-center gap-2" title={actor.email}>
                <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: actor.color }} />
                {/* A long name is cut on a phone (screen readers still read it whole). */}
                <span className="max-w-[9rem] truncate font-medium sm:max-w-[16rem]">{actor.name}</span>
                <span className="whitespace-nowrap rounded border border-[var(--rule)] px-1.5 py-0.5 text-xs text-[var(--muted)]">{ROLE_LABEL[actor.role]}</span>
              </span>
              <IntentLink href="/settings/tokens" className="whitespace-nowrap text-[var(--muted)] hover:text-[var(--ink)]">
                API tokens
              </IntentLink>
              <SignOutButton />
            </>
          ) : (
            <>
              <IntentLink href="/sign-in" className="text-[var(--muted)] hover:text-[var(--ink)]">
                Sign in
              </IntentLink>
              <IntentLink href="/sign-up" className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                Sign up
              </IntentLink>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
