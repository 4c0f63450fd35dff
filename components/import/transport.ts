/*
 * Browser-side calls of the import API that lib/client/api.ts does not cover: multipart
 * uploads of single files and streamed uploads of bulk files (with upload progress).
 */
import type { ApiResult } from "@/lib/client/api";

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } } | null;

function failure(status: number, body: ErrorBody): ApiResult<never> {
  return {
    ok: false,
    status,
    code: body?.error?.code ?? "HTTP_ERROR",
    message: body?.error?.message ?? `The server answered ${status}. Nothing was saved.`,
    details: body?.error?.details,
  };
}

/** POSTs a FormData (one file plus text fields) and reads the `{ data }` / `{ error }` answer. */
export async function postForm<T>(url: string, form: FormData): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, { method: "POST", body: form, credentials: "same-origin" });
    const json = (await response.json().catch(() => null)) as ({ data?: T } & ErrorBody) | null;
    if (response.ok && json && "data" in json) return { ok: true, data: json.data as T };
    return failure(response.status, json);
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: "Glossa could not reach the server. Check your connection; nothing was saved." };
  }
}

/**
 * Sends a file as the raw request body, reporting upload progress (fetch cannot), and reads
 * the `{ data }` / `{ error }` answer.
 */
export function uploadFile<T>(url: string, file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const json = xhr.response as ({ data?: T } & ErrorBody) | null;
      if (xhr.status >= 200 && xhr.status < 300 && json && "data" in json) resolve({ ok: true, data: json.data as T });
      else resolve(failure(xhr.status, json));
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, code: "NETWORK", message: "The upload failed: Glossa could not reach the server." });
    xhr.onabort = () => resolve({ ok: false, status: 0, code: "ABORTED", message: "The upload was cancelled." });
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(file);
  });
}

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return bytes === 1 ? "1 byte" : `${bytes} bytes`;
}

/** "14,203" in every locale, like the server's messages. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
