import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-medium uppercase tracking-widest text-[var(--muted)]">404</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Page not found</h1>
      <p className="mt-4 text-[var(--muted)]">There is no article or page at this address. It may have been moved or archived.</p>
      <Link href="/" className="mt-8 inline-block rounded-md border border-[var(--rule)] px-4 py-2 text-sm hover:bg-[var(--rule)]">
        Back to the library
      </Link>
    </section>
  );
}
