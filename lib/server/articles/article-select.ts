import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An article's own fields, without its text: what the reader and the admin pages both select. */
export const articleSelect = {
  id: true,
  slug: true,
  title: true,
  language: true,
  source: true,
  sourceUrl: true,
  author: true,
  publishedAt: true,
  revision: true,
  archivedAt: true,
  createdAt: true,
} satisfies Prisma.ArticleSelect;
