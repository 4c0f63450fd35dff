import Link from "next/link";

/** The 403 page body, for a signed-in user who may not see a page. */
export function Forbidden({ message }: { message: string }) {
  return (
    <section aria-labelledby="forbidden-heading" className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium uppercase tracking-widest text-[var(--muted)]">403</p>
      <h1 id="forbidden-heading" className="mt-2 font-serif text-3xl font-semibold">
        Not allowed
      </h1>
      <p className="mt-4 text-[var(--muted)]">{message}</p>
      <Link href="/" className="mt-8 inline-block rounded-md border border-[var(--rule)] px-4 py-2 text-sm hover:bg-[var(--rule)]">
        Back to the library
      </Link>
    </section>
  );
}
