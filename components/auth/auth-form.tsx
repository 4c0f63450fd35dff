"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authClient } from "@/lib/client/auth-client";

/**
 * Sign-in and sign-up share one form; sign-up adds the display name.
 * `next` is where to go afterwards: a path on this site, already checked by the page with safeNextPath.
 */
export function AuthForm({ mode, next }: { mode: "sign-in" | "sign-up"; next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const isSignUp = mode === "sign-up";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    const result = isSignUp
      ? await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "").trim() })
      : await authClient.signIn.email({ email, password });
    setPending(false);
    if (result.error) {
      setError(result.error.message ?? "That did not work. Check the form and try again.");
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="mx-auto mt-10 max-w-sm space-y-5" aria-describedby={error ? "auth-error" : undefined}>
      <h1 className="font-serif text-3xl font-semibold">{isSignUp ? "Create an account" : "Sign in to Glossa"}</h1>
      {isSignUp && (
        <Field label="Name" name="name" type="text" autoComplete="name" required maxLength={80} />
      )}
      <Field label="Email" name="email" type="email" autoComplete="email" required maxLength={254} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete={isSignUp ? "new-password" : "current-password"}
        required
        minLength={isSignUp ? 10 : undefined}
        maxLength={128}
        hint={isSignUp ? "At least 10 characters." : undefined}
      />
      {error && (
        <p id="auth-error" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-[var(--ink)] px-4 py-2 font-medium text-[var(--page)] disabled:opacity-60">
        {isSignUp ? "Sign up" : "Sign in"}
      </button>
      <p className="text-sm text-[var(--muted)]">
        {isSignUp ? "Already have an account? " : "New here? "}
        <Link className="underline" href={`${isSignUp ? "/sign-in" : "/sign-up"}${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`}>
          {isSignUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}

function Field({ label, name, hint, ...input }: { label: string; name: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-2 outline-none focus:border-[var(--accent)]"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-[var(--muted)]">
          {hint}
        </p>
      )}
    </div>
  );
}
