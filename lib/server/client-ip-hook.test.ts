import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { NODE_SECURITY_HEADERS } from "@/lib/security-headers";
import { hasWellFormedPath, installClientIpHook } from "@/lib/server/client-ip-hook";

/** A plain Node server that answers with the client address the hook put on the request. */
let server: http.Server;
let port: number;

beforeAll(async () => {
  // 127.0.0.1 is the proxy; a client on 127.0.0.2 (also this machine) is not.
  installClientIpHook("127.0.0.1");
  server = http.createServer((request, response) => response.end(String(request.headers[CLIENT_IP_HEADER] ?? "")));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string>, localAddress: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, localAddress, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
  });
}

const clientAddress = async (headers: Record<string, string>, localAddress: string) => (await get("/", headers, localAddress)).body;

describe("the client address on every request", () => {
  it("is the socket peer for an untrusted peer, whatever X-Forwarded-For or the header itself says", async () => {
    expect(await clientAddress({ "X-Forwarded-For": "10.1.2.3" }, "127.0.0.2")).toBe("127.0.0.2");
    expect(await clientAddress({ [CLIENT_IP_HEADER]: "10.9.9.9" }, "127.0.0.2")).toBe("127.0.0.2");
  });

  it("is the right-most untrusted X-Forwarded-For entry behind a trusted proxy", async () => {
    expect(await clientAddress({ "X-Forwarded-For": "6.6.6.6, 198.51.100.4" }, "127.0.0.1")).toBe("198.51.100.4");
    expect(await clientAddress({}, "127.0.0.1")).toBe("127.0.0.1");
  });

  it("refuses a GLOSSA_TRUSTED_PROXIES it cannot read", () => {
    expect(() => installClientIpHook("proxy.internal")).toThrow(/GLOSSA_TRUSTED_PROXIES/);
  });
});

describe("a path with a malformed percent-encoding", () => {
  it("is answered 400 with the JSON error shape and the headers of every answer, before the app sees it", async () => {
    for (const path of ["/articles/%E0%A4%A", "/api/articles/%ZZ/text", "/%"]) {
      const answer = await get(path, {}, "127.0.0.2");
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "INVALID_INPUT" } });
      expect(answer.headers).toMatchObject({ ...NODE_SECURITY_HEADERS, "content-type": "application/json" });
    }
    expect((await get("/articles/%D1%81%D0%BB%D0%BE%D0%B2%D0%BE?q=%ZZ", {}, "127.0.0.2")).status).toBe(200);
  });

  it.each([
    ["/", true],
    ["/articles/abc", true],
    ["/articles/%D1%81%D0%BB%D0%BE%D0%B2%D0%BE", true],
    ["/articles/%00", true],
    ["/a?next=%E0%A4%A", true],
    [undefined, true],
    ["/articles/%E0%A4%A", false],
    ["/articles/%ZZ", false],
    ["/articles/%", false],
    ["/articles/%ED%A0%80", false],
  ])("%s well formed: %s", (url, expected) => {
    expect(hasWellFormedPath(url)).toBe(expected);
  });
});
