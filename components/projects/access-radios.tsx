"use client";

export type AccessValue = "OPEN" | "CLOSED";

const OPTIONS: { value: AccessValue; label: string; hint: string }[] = [
  { value: "OPEN", label: "Open", hint: "Anyone signed in may read its articles and shared annotations." },
  { value: "CLOSED", label: "Closed", hint: "Members only; to everyone else the project and its articles do not exist." },
];

/** The radio group Access (Open, Closed), each option with what it means. */
export function AccessRadios({ name, value, onChange }: { name: string; value: AccessValue; onChange: (value: AccessValue) => void }) {
  return (
    <fieldset role="radiogroup" aria-label="Access" className="space-y-2">
      <legend className="mb-1 text-sm font-medium">Access</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="flex items-start gap-2 text-sm">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} className="mt-1 accent-[var(--accent)]" />
          <span>
            <span className="font-medium">{option.label}</span>
            <span className="block text-[var(--muted)]">{option.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
