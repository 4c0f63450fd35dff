import { AuthForm } from "@/components/auth/auth-form";
import { config } from "@/lib/config";
import { safeNextPath } from "@/lib/safe-next-path";

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (!config().GLOSSA_OPEN_SIGNUP) {
    return (
      <section className="mx-auto mt-10 max-w-sm">
        <h1 className="font-serif text-3xl font-semibold">Sign-up is closed</h1>
        <p className="mt-4 text-[var(--muted)]">Ask an administrator of this Glossa for an account.</p>
      </section>
    );
  }
  const { next } = await searchParams;
  return <AuthForm mode="sign-up" next={safeNextPath(typeof next === "string" ? next : null, config().baseURL)} />;
}
