"use client";

import { ArticleCard } from "@/components/import/article-card";
import type { ArticleItems } from "@/components/import/use-article-items";

/**
 * One card a previewed article of a panel, wired to its items: target choice, repairs, and for
 * uploaded files also the encoding and removal.
 */
export function ArticleCards({ articles, files = false }: { articles: ArticleItems; files?: boolean }) {
  const { items, setItems, update, preview, suggestions } = articles;
  return items.map((item) => (
    <ArticleCard
      key={item.key}
      label={item.label}
      state={item.state}
      target={item.target}
      onTargetChange={(target) => update(item.key, (current) => ({ ...current, target, targetTouched: true }))}
      suggestions={suggestions(item)}
      encoding={files ? item.encoding : undefined}
      onEncoding={files ? (encoding) => preview(item, { encoding }) : undefined}
      onRepair={(repair) => preview(item, { repair })}
      onRemove={files ? () => setItems((current) => current.filter((other) => other.key !== item.key)) : undefined}
    />
  ));
}
