import { normaliseName } from "@/lib/server/entities/link-entity";

/**
 * The other names of an entity that a reader may see: the words of the mentions they can read,
 * normalised, once each (any case), never its own name. Computed per reader rather than read from
 * the stored aliases, which also hold the words of mentions since deleted, archived or made private.
 */
export function visibleAliases(name: string, mentionTexts: Iterable<string>): string[] {
  const seen = new Set([name.toLowerCase()]);
  const aliases: string[] = [];
  for (const text of mentionTexts) {
    const alias = normaliseName(text);
    const key = alias.toLowerCase();
    if (!alias || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}
