/**
 * The JSON API as the browser sees it: every call resolves to a result, never throws. A body is
 * always sent as application/json (the only type the routes' gate accepts for JSON); a call
 * without one sends no Content-Type, which body-less routes accept.
 */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; code: string; message: string; details?: unknown };

export async function api<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    const json = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string; details?: unknown } } | null;
    if (response.ok && json && "data" in json) return { ok: true, data: json.data as T };
    return {
      ok: false,
      status: response.status,
      code: json?.error?.code ?? "HTTP_ERROR",
      message: json?.error?.message ?? `The server answered ${response.status}. Nothing was saved.`,
      details: json?.error?.details,
    };
  } catch {
    return { ok: false, status: 0, code: "NETWORK", message: "Glossa could not reach the server. Check your connection; nothing was saved." };
  }
}
