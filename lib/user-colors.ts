/** Author accents, readable as text on the light page (the dark page lifts them: `.author-ink` in globals.css). */
export const USER_COLORS = ["#b45309", "#0f766e", "#7c3aed", "#be123c", "#1d4ed8", "#4d7c0f", "#a21caf", "#0e7490", "#c2410c", "#475569"] as const;

/** A stable colour for a user, derived from their email. */
export function colorForUser(seed: string): string {
  let hash = 0;
  for (const char of seed.toLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return USER_COLORS[hash % USER_COLORS.length]!;
}
