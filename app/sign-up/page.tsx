import { Suspense } from "react";
import { AuthForm } from "@/components/auth/auth-form";
import { config } from "@/lib/config";

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default function SignUpPage() {
  if (!config().GLOSSA_OPEN_SIGNUP) {
    return (
      <section className="mx-auto mt-10 max-w-sm">
        <h1 className="font-serif text-3xl font-semibold">Sign-up is closed</h1>
        <p className="mt-4 text-[var(--muted)]">Ask an administrator of this Glossa for an account.</p>
      </section>
    );
  }
  return (
    <Suspense>
      <AuthForm mode="sign-up" />
    </Suspense>
  );
}
