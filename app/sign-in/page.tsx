import { AuthForm } from "@/components/auth/auth-form";
import { config } from "@/lib/config";
import { safeNextPath } from "@/lib/safe-next-path";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return <AuthForm mode="sign-in" next={safeNextPath(typeof next === "string" ? next : null, config().baseURL)} />;
}
