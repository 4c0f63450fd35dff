import type { Metadata } from "next";
import { redirectToSignIn } from "@/lib/server/auth/redirect-to-sign-in";
import { getActor } from "@/lib/server/auth/get-actor";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { TOKEN_REQUESTS_PER_MINUTE } from "@/lib/server/tokens/authenticate-api-token";
import { TokensManager } from "./tokens-manager";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function ApiTokensPage() {
  const actor = await getActor();
  if (!actor) redirectToSignIn("/settings/tokens");
  const tokens = await listApiTokens({ actor });

  return (
    <section aria-labelledby="tokens-heading" className="mx-auto max-w-4xl">
      <h1 id="tokens-heading" className="font-serif text-3xl font-semibold tracking-tight">
        API tokens
      </h1>
      <div className="mt-2 max-w-2xl space-y-2 text-sm text-[var(--muted)]">
        <p>
          A token lets a script or another annotation client use Glossa as you: it reads what you may read and may change what you may change (your role is{" "}
          {actor.role.toLowerCase()}). Send it as <code className="rounded bg-[var(--rule)]/50 px-1">Authorization: Bearer glossa_…</code>.
        </p>
        <p>
          Each article is a W3C Web Annotation Protocol container, announced on its page by a <code className="rounded bg-[var(--rule)]/50 px-1">Link</code> header
          (rel <code className="rounded bg-[var(--rule)]/50 px-1">http://www.w3.org/ns/oa#annotationService</code>). A token may make {TOKEN_REQUESTS_PER_MINUTE} requests a
          minute. Revoke a token you no longer use, or one that may have leaked: it stops working at once.
        </p>
      </div>
      <TokensManager tokens={tokens} />
    </section>
  );
}
