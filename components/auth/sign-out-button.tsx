"use client";

import { useRouter } from "next/navigation";
import { authClient } from "@/lib/client/auth-client";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="whitespace-nowrap text-sm text-[var(--muted)] hover:text-[var(--ink)]"
      onClick={async () => {
        await authClient.signOut();
        router.push("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
