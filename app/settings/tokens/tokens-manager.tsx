"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Result<T> = { ok: true; data: T } | { ok: false; error: string };

/** Sends a token request to the API, answering the server's message on failure. */
async function send<T>(url: string, init: RequestInit): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "Content-Type": "application/json" } });
  } catch {
    return { ok: false, error: "Could not reach the server. Nothing was changed." };
  }
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { message?: string } } | null;
  if (response.ok && body?.data !== undefined) return { ok: true, data: body.data };
  return { ok: false, error: body?.error?.message ?? `Nothing was changed (the server answered ${response.status}).` };
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (iso: string) => `${dateTime.format(new Date(iso))} UTC`;

/** Create a token (shown once, with a Copy button), and the list of the user's tokens with Revoke. */
export function TokensManager({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [creating, startCreating] = useTransition();

  function create(event: FormEvent) {
    event.preventDefault();
    if (creating) return;
    setError(null);
    startCreating(async () => {
      const result = await send<{ token: string; record: TokenRow }>("/api/tokens", { method: "POST", body: JSON.stringify({ name }) });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setCreated({ token: result.data.token, name: result.data.record.name });
      setCopied(false);
      setName("");
      router.refresh();
    });
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  const live = tokens.filter((token) => !token.revokedAt);
  return (
    <>
      <form onSubmit={create} className="mt-6 flex flex-wrap items-end gap-3" aria-describedby={error ? `${nameId}-error` : undefined}>
        <div className="flex flex-col gap-1">
          <label htmlFor={nameId} className="text-sm font-medium">
            Token name
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            placeholder="e.g. Annotation client on my laptop"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${nameId}-error` : undefined}
            className="w-80 max-w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-1.5 placeholder:text-[var(--muted)]"
          />
        </div>
        <button type="submit" aria-busy={creating || undefined} className="rounded-md bg-[var(--accent)] px-4 py-1.5 font-medium text-white aria-busy:opacity-60">
          Create token
        </button>
        <p id={`${nameId}-error`} role="alert" className="w-full text-sm text-red-700 empty:hidden dark:text-red-300">
          {error}
        </p>
      </form>

      {created && (
        <div role="status" className="mt-4 rounded-md border border-[var(--accent)] bg-[var(--accent)]/5 p-4">
          <p className="font-medium">Token “{created.name}” created. Copy it now: it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-token={created.token} className="break-all rounded bg-[var(--rule)]/50 px-2 py-1 font-mono text-sm select-all">
              {created.token}
            </code>
            <button type="button" onClick={copy} className="rounded-md border border-[var(--rule)] px-3 py-1 text-sm hover:bg-[var(--rule)]">
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}

      <h2 className="mt-8 font-serif text-xl font-semibold">Your tokens</h2>
      <p className="text-sm text-[var(--muted)]">{tokens.length === 0 ? "You have no tokens yet." : `${live.length} active, ${tokens.length - live.length} revoked.`}</p>
      {tokens.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Your API tokens, newest first, with when each was created and last used</caption>
            <thead className="border-b border-[var(--rule)] text-[var(--muted)]">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="py-2 pr-4 font-medium">Token</th>
                <th scope="col" className="py-2 pr-4 font-medium">Created</th>
                <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
                <th scope="col" className="py-2 text-right font-medium">
                  <span className="sr-only">Status</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-[var(--rule)]">
              {tokens.map((token) => (
                <TokenTableRow key={token.id} token={token} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function TokenTableRow({ token }: { token: TokenRow }) {
  const router = useRouter();
  const nameId = useId();
  const [error, setError] = useState<string | null>(null);
  const [revoking, startRevoking] = useTransition();

  function revoke() {
    if (revoking) return;
    setError(null);
    startRevoking(async () => {
      const result = await send<TokenRow>(`/api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  }

  return (
    <tr className="align-top" data-token-id={token.id}>
      <th id={nameId} scope="row" className={`py-3 pr-4 font-medium ${token.revokedAt ? "text-[var(--muted)] line-through" : ""}`}>
        {token.name}
      </th>
      <td className="py-3 pr-4 font-mono text-xs">{token.prefix}…</td>
      <td className="py-3 pr-4 whitespace-nowrap">{when(token.createdAt)}</td>
      <td className="py-3 pr-4 whitespace-nowrap">{token.lastUsedAt ? when(token.lastUsedAt) : "Never"}</td>
      <td className="py-3 text-right">
        {token.revokedAt ? (
          <span className="text-[var(--muted)]">Revoked {when(token.revokedAt)}</span>
        ) : (
          <span className="inline-flex flex-col items-end gap-1">
            {/* The name stays exactly "Revoke"; which token is said by the row's name, linked here. */}
            <button
              type="button"
              onClick={revoke}
              aria-describedby={nameId}
              aria-busy={revoking || undefined}
              className="rounded-md border border-[var(--rule)] px-3 py-1 hover:border-red-400 hover:text-red-700 aria-busy:opacity-60 dark:hover:text-red-300"
            >
              Revoke
            </button>
            <span role="alert" className="max-w-56 text-xs text-red-700 empty:hidden dark:text-red-300">
              {error}
            </span>
          </span>
        )}
      </td>
    </tr>
  );
}
