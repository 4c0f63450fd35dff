"use client";

import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="whitespace-nowrap text-sm text-[var(--muted)] hover:text-[var(--ink)]"
      onClick={async () => {
        // The auth client (better-auth's, ~34 KB) is only needed here: fetched on the click, not with every page.
        const { authClient } = await import("@/lib/client/auth-client");
        await authClient.signOut();
        router.push("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
