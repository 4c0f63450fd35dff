"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { progressCounter, type ProgressUnit } from "@/lib/exporting/progress";
import { EXPORT_TOTAL_HEADER, EXPORT_UNIT_HEADER, type ExportFormat } from "@/lib/exporting/formats";

export type StreamedExport =
  | { state: "running"; label: string; done: number; total: number | null; unit: ProgressUnit | null }
  | { state: "saved"; filename: string }
  | { state: "cancelled" }
  | { state: "failed"; message: string };

/** The file name a `Content-Disposition` header gives (its exact UTF-8 `filename*` first), or a fallback. */
export function dispositionFilename(header: string | null, fallback: string): string {
  const exact = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (exact) {
    try {
      return decodeURIComponent(exact);
    } catch {
      // A malformed escape: the plain name below will do.
    }
  }
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not our JSON error: say what the status says.
  }
  return `The export failed (${response.status} ${response.statusText}).`;
}

/**
 * A long export fetched as a stream, its progress counted as it arrives (against the total the
 * server announces), then saved as a file; `cancel` aborts the request, which stops the server
 * reading the database too. Only one export runs at a time.
 */
export function useStreamedExport() {
  const [status, setStatus] = useState<StreamedExport | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const start = useCallback(async (href: string, format: ExportFormat, label: string) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setStatus({ state: "running", label, done: 0, total: null, unit: null });
    try {
      const response = await fetch(href, { signal: controller.signal, headers: { Accept: "*/*" } });
      if (!response.ok || !response.body) {
        setStatus({ state: "failed", message: await errorMessage(response) });
        return;
      }
      const totalHeader = response.headers.get(EXPORT_TOTAL_HEADER);
      const total = totalHeader === null ? null : Number(totalHeader);
      const unit = response.headers.get(EXPORT_UNIT_HEADER) as ProgressUnit | null;
      const count = progressCounter(format);
      const decoder = new TextDecoder();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      let done = 0;
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        parts.push(next.value as Uint8Array<ArrayBuffer>);
        const counted = count(decoder.decode(next.value, { stream: true }));
        if (counted !== done || parts.length === 1) setStatus({ state: "running", label, done: counted, total, unit });
        done = counted;
      }
      const filename = dispositionFilename(response.headers.get("Content-Disposition"), `glossa-export.${format}`);
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked once the browser has taken the file.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ state: "saved", filename });
    } catch (error) {
      if (controller.signal.aborted) setStatus({ state: "cancelled" });
      else setStatus({ state: "failed", message: `The export stopped: ${(error as Error).message}` });
    } finally {
      if (controllerRef.current === controller) controllerRef.current = null;
    }
  }, []);

  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const dismiss = useCallback(() => setStatus(null), []);
  return { status, start, cancel, dismiss };
}
