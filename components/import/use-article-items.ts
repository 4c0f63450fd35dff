"use client";

import { useImportProject } from "@/components/projects/import-project";
import { useCallback, useState } from "react";
import { api, type ApiResult } from "@/lib/client/api";
import type { ImportArticleResult } from "@/lib/server/articles/import-article";
import type { EncodingSuggestion } from "@/lib/server/import/encoding";
import type { ArticlePreview } from "@/lib/server/import/preview-article";
import type { EncodingId, RepairId } from "@/lib/validations/import";
import type { ItemState } from "@/components/import/article-card";
import type { CommitOutcome } from "@/components/import/import-buttons";
import { postForm } from "@/components/import/transport";
import { defaultTarget, suggestionsFrom, type ArticleOption, type TargetChoice } from "@/components/import/target-picker";

/** Where an article comes from: a JSON body (paste, URL) or an uploaded file. */
export type ItemSource = { kind: "json"; body: Record<string, unknown> } | { kind: "file"; file: File };

export interface ArticleItem {
  key: string;
  label: string;
  source: ItemSource;
  state: ItemState;
  target: TargetChoice;
  /** The admin chose the target; a new preview must not override it. */
  targetTouched: boolean;
  repair?: RepairId;
  encoding?: EncodingId;
}

function send<T>(url: string, item: ArticleItem, extra: Record<string, unknown>): Promise<ApiResult<T>> {
  if (item.source.kind === "json") return api<T>("POST", url, { ...item.source.body, ...(item.repair ? { repair: item.repair } : {}), ...extra });
  const form = new FormData();
  form.set("file", item.source.file);
  if (item.encoding) form.set("encoding", item.encoding);
  if (item.repair) form.set("repair", item.repair);
  for (const [name, value] of Object.entries(extra)) form.set(name, typeof value === "string" ? value : JSON.stringify(value));
  return postForm<T>(url, form);
}

function toTarget(choice: TargetChoice) {
  return choice.mode === "replace" ? { mode: "replace" as const, articleId: choice.articleId } : { mode: "new" as const };
}

/**
 * The articles of one panel (one pasted text, one URL, or several files) through preview and
 * import: each is previewed and committed on its own, so one failure never blocks the others.
 */
export function useArticleItems(preset: ArticleOption | null) {
  const [items, setItems] = useState<ArticleItem[]>([]);
  const project = useImportProject();

  const update = useCallback((key: string, change: (item: ArticleItem) => ArticleItem) => {
    setItems((current) => current.map((item) => (item.key === key ? change(item) : item)));
  }, []);

  const preview = useCallback(
    async (item: ArticleItem, overrides: Partial<Pick<ArticleItem, "repair" | "encoding">> = {}) => {
      const key = item.key;
      const next = { ...item, ...overrides };
      update(key, (current) => ({ ...current, ...overrides, state: { phase: "previewing" } }));
      const result = await send<ArticlePreview>("/api/admin/import/preview", next, {});
      update(key, (current) => {
        if (!result.ok) {
          const details = result.details as { encodingSuggestion?: EncodingSuggestion | null } | undefined;
          return { ...current, state: { phase: "error", message: result.message, code: result.code, encodingSuggestion: details && "encodingSuggestion" in details ? details.encodingSuggestion : undefined } };
        }
        const target = current.targetTouched ? current.target : defaultTarget(result.data, preset);
        return { ...current, target, state: { phase: "preview", preview: result.data } };
      });
    },
    [preset, update],
  );

  /** Replaces the list with one article (a pasted text, a URL) and previews it. */
  const previewOne = useCallback(
    async (key: string, label: string, source: ItemSource) => {
      const item: ArticleItem = {
        key,
        label,
        source,
        state: { phase: "idle" },
        target: preset ? { mode: "replace", articleId: preset.id, title: preset.title } : { mode: "new" },
        targetTouched: false,
      };
      setItems([item]);
      await preview(item);
    },
    [preset, preview],
  );

  /** Imports every previewed article in turn; resolves to what happened to them. */
  const commitAll = useCallback(async (snapshot: ArticleItem[]): Promise<CommitOutcome> => {
    const outcome: CommitOutcome = { created: 0, revised: 0, unchanged: 0, failed: 0 };
    for (const item of snapshot) {
      const state = item.state;
      if (state.phase !== "preview" && state.phase !== "failed") continue;
      if (item.target.mode === "replace" && !item.target.articleId) {
        outcome.failed++;
        update(item.key, (current) => ({ ...current, state: { phase: "failed", preview: state.preview, message: "Choose the article to replace, or import it as a new article." } }));
        continue;
      }
      update(item.key, (current) => ({ ...current, state: { phase: "importing", preview: state.preview } }));
      const result = await send<ImportArticleResult>("/api/admin/import/commit", item, { target: toTarget(item.target), expectedHash: state.preview.hash, ...(project ? { project } : {}) });
      if (result.ok) outcome[result.data.status]++;
      else outcome.failed++;
      update(item.key, (current) => ({
        ...current,
        state: result.ok ? { phase: "done", preview: state.preview, result: result.data } : { phase: "failed", preview: state.preview, message: result.message },
      }));
    }
    return outcome;
  }, [update, project]);

  const suggestions = (item: ArticleItem): ArticleOption[] => ("preview" in item.state ? suggestionsFrom(item.state.preview, preset) : preset ? [preset] : []);

  return { items, setItems, update, preview, previewOne, commitAll, suggestions };
}

export type ArticleItems = ReturnType<typeof useArticleItems>;

export function importable(items: ArticleItem[]): number {
  return items.filter((item) => item.state.phase === "preview" || item.state.phase === "failed").length;
}
