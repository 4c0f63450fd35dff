/** The class names project forms share, so every field and button looks alike. */
export const inputClass = "w-full rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1.5 text-sm outline-none focus:border-[var(--accent)]";
export const buttonClass = "rounded-md border border-[var(--rule)] px-3 py-1.5 text-sm font-medium hover:bg-[var(--rule)] disabled:opacity-60";
export const primaryButtonClass = "rounded-md bg-[var(--accent)] px-3 py-1.5 text-sm font-medium text-[var(--page)] hover:opacity-90 disabled:opacity-60";
export const labelClass = "text-sm font-medium";
