import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { importConfig, type ImportConfig } from "@/lib/import-config";
import { AppError } from "@/lib/server/errors";
import { isAddressAllowed } from "@/lib/server/import/allow-list";

export interface FetchedPage {
  /** The address the admin gave (normalised); the page may have been served from a redirect target. */
  url: string;
  finalUrl: string;
  kind: "html" | "text" | "markdown";
  /** The charset the server declared, if any. */
  charset: string | null;
  bytes: Uint8Array;
}

type FetchOptions = Pick<ImportConfig, "fetchTimeoutMs" | "fetchMaxBytes" | "fetchMaxRedirects" | "fetchAllowHosts">;

const USER_AGENT = "GlossaImporter/1.0 (+https://github.com/glossa; article import)";

class BlockedAddress extends Error {
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`blocked ${address}`);
  }
}

const unreachable = (message: string) => new AppError("UNPROCESSABLE", message);

/**
 * Downloads a page for import, defensively: only http(s), no credentials in the URL, every
 * address the host resolves to must be public (or allow-listed in GLOSSA_FETCH_ALLOW_HOSTS) and
 * is checked at connection time, so DNS cannot be switched between check and use; redirects are
 * followed by hand, each hop checked again, at most `fetchMaxRedirects`; one deadline covers
 * the whole exchange; the body (after decompression) is capped at `fetchMaxBytes`. Only HTML,
 * plain text and Markdown are accepted.
 */
export async function fetchUrl(rawUrl: string, options: FetchOptions = importConfig()): Promise<FetchedPage> {
  const start = parseTarget(rawUrl);
  const deadline = Date.now() + options.fetchTimeoutMs;
  let current = start;
  for (let hop = 0; ; hop++) {
    const response = await request(current, options, deadline);
    if (response.status >= 300 && response.status < 400 && response.location !== null) {
      if (hop >= options.fetchMaxRedirects) {
        throw unreachable(`The page redirected more than ${options.fetchMaxRedirects} times; import the final address instead.`);
      }
      let next: URL;
      try {
        next = new URL(response.location, current);
      } catch {
        throw unreachable(`The page redirected to an invalid address (“${response.location.slice(0, 200)}”).`);
      }
      current = parseTarget(next.href, true);
      continue;
    }
    if (response.status < 200 || response.status >= 300) {
      throw unreachable(`The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""} for ${current.href}.`);
    }
    return { url: start.href, finalUrl: current.href, kind: response.kind, charset: response.charset, bytes: response.body };
  }
}

function parseTarget(raw: string, redirected = false): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError(redirected ? "UNPROCESSABLE" : "INVALID_INPUT", redirected ? "The page redirected to an invalid address." : "The address is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.replace(/:$/, "");
    throw redirected
      ? new AppError("UNPROCESSABLE", `The page redirected to a ${scheme}: address; only http and https pages can be imported.`)
      : new AppError("INVALID_INPUT", `Only http:// and https:// pages can be imported, not ${scheme}: addresses.`);
  }
  if (url.username || url.password) {
    throw new AppError(redirected ? "UNPROCESSABLE" : "INVALID_INPUT", `${redirected ? "The page redirected to an address" : "The address"} with a user name or password; remove them.`);
  }
  url.hash = "";
  return url;
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/** A DNS lookup that refuses non-public answers (unless allow-listed), used by the socket itself. */
function guardedLookup(url: URL, options: FetchOptions): LookupFunction {
  const port = portOf(url);
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const blocked = addresses.find((entry) => !isAddressAllowed(url.hostname, entry.address, port, options.fetchAllowHosts));
      if (blocked) return callback(new BlockedAddress(hostname, blocked.address), "", 0);
      if (addresses.length === 0) return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "", 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

interface RawResponse {
  status: number;
  statusText: string;
  location: string | null;
  kind: FetchedPage["kind"];
  charset: string | null;
  body: Uint8Array;
}

const ACCEPTED_TYPES: Record<string, FetchedPage["kind"]> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

function request(url: URL, options: FetchOptions, deadline: number): Promise<RawResponse> {
  const port = portOf(url);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  // An IP literal never goes through DNS, so it is checked here.
  if (isIP(literal) && !isAddressAllowed(literal, literal, port, options.fetchAllowHosts)) {
    return Promise.reject(refused(url, literal));
  }
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(timedOut(options));

  return new Promise<RawResponse>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(translate(error, url, options));
    };
    const req = client.request(
      url,
      {
        method: "GET",
        lookup: guardedLookup(url, options),
        headers: {
          "User-Agent": USER_AGENT,
          Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1",
          "Accept-Encoding": "gzip, deflate, br",
          "Accept-Language": "*",
        },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === "string" ? res.headers.location : null;
        if (status >= 300 && status < 400 && location !== null) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolve({ status, statusText: res.statusMessage ?? "", location, kind: "html", charset: null, body: new Uint8Array() });
          req.destroy();
          return;
        }
        if (status < 200 || status >= 300) {
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolve({ status, statusText: res.statusMessage ?? "", location: null, kind: "html", charset: null, body: new Uint8Array() });
          req.destroy();
          return;
        }
        const [mediaType = "", ...parameters] = (res.headers["content-type"] ?? "").split(";").map((part) => part.trim());
        const type = mediaType.toLowerCase();
        const charset = parameters.map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1]).find(Boolean) ?? null;
        const kind = type ? ACCEPTED_TYPES[type] : "html";
        if (!kind) {
          res.resume();
          fail(new AppError("UNPROCESSABLE", `The address serves ${type}, not a web page: only HTML, plain text and Markdown can be imported.`));
          return;
        }
        const declared = Number(res.headers["content-length"]);
        if (Number.isFinite(declared) && declared > options.fetchMaxBytes) {
          res.resume();
          fail(tooLarge(options));
          return;
        }
        const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase().trim();
        let stream: Readable = res;
        if (encoding === "gzip" || encoding === "x-gzip") stream = res.pipe(zlib.createGunzip());
        else if (encoding === "deflate") stream = res.pipe(zlib.createInflate());
        else if (encoding === "br") stream = res.pipe(zlib.createBrotliDecompress());
        else if (encoding && encoding !== "identity") {
          res.resume();
          fail(new AppError("UNPROCESSABLE", `The server sent the page compressed as “${encoding}”, which Glossa cannot read.`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          // Counted after decompression, so a small compressed bomb cannot blow up memory.
          if (size > options.fetchMaxBytes) {
            stream.destroy();
            fail(tooLarge(options));
            return;
          }
          chunks.push(chunk);
        });
        stream.on("error", fail);
        stream.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, statusText: res.statusMessage ?? "", location: null, kind, charset, body: new Uint8Array(Buffer.concat(chunks)) });
        });
        res.on("error", fail);
        res.on("aborted", () => fail(new Error("aborted")));
      },
    );
    const timer = setTimeout(() => fail(new Error("timeout")), remaining);
    req.on("error", fail);
    req.end();
  });
}

function refused(url: URL, address: string): AppError {
  return new AppError(
    "UNPROCESSABLE",
    `Refused to fetch ${url.host}: it resolves to ${address}, a private, loopback or reserved address. An administrator can allow it with GLOSSA_FETCH_ALLOW_HOSTS.`,
  );
}

function timedOut(options: FetchOptions): AppError {
  return new AppError("UNPROCESSABLE", `The page did not load within ${Math.round(options.fetchTimeoutMs / 1000)} seconds.`);
}

function tooLarge(options: FetchOptions): AppError {
  const mb = Math.round((options.fetchMaxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError("TOO_LARGE", `The page is larger than the ${mb} MB limit for one article.`);
}

function translate(error: unknown, url: URL, options: FetchOptions): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof BlockedAddress) return refused(url, error.address);
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  if (message === "timeout") return timedOut(options);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return unreachable(`Could not find the server ${url.hostname}: check the address.`);
  if (code === "ECONNREFUSED") return unreachable(`${url.host} refused the connection.`);
  if (code === "ECONNRESET" || message === "aborted") return unreachable(`${url.host} closed the connection before the page was complete.`);
  if (code.startsWith("ERR_TLS") || code.includes("CERT")) return unreachable(`The secure connection to ${url.host} failed (${code}).`);
  return unreachable(`Could not load ${url.href} (${code || message}).`);
}
