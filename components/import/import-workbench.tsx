"use client";

import { AnnotationsPanel } from "@/components/import/annotations-panel";
import { FilesPanel, type ImportLimitsView } from "@/components/import/files-panel";
import { PastePanel } from "@/components/import/paste-panel";
import type { ArticleOption } from "@/components/import/target-picker";
import { UrlPanel } from "@/components/import/url-panel";
import { Tabs } from "@/components/tabs";

type TabId = "paste" | "files" | "url" | "annotations";

/**
 * The ways in, as tabs (articles three ways, and annotations onto an article). The chosen tab is
 * mirrored in the address (`?tab=`), so a reload or a shared link opens it.
 */
export function ImportWorkbench({ initialTab, preset, limits }: { initialTab: TabId; preset: ArticleOption | null; limits: ImportLimitsView }) {
  function rememberTab(tab: TabId) {
    const url = new URL(window.location.href);
    url.searchParams.set("tab", tab);
    window.history.replaceState(null, "", url);
  }

  return (
    <Tabs
      label="Ways to import"
      idPrefix="import"
      initialTab={initialTab}
      onChange={rememberTab}
      tabs={[
        { id: "paste", label: "Paste", panel: <PastePanel preset={preset} /> },
        { id: "files", label: "Files", panel: <FilesPanel preset={preset} limits={limits} /> },
        { id: "url", label: "URL", panel: <UrlPanel preset={preset} /> },
        { id: "annotations", label: "Annotations", panel: <AnnotationsPanel preset={preset} /> },
      ]}
    />
  );
}
