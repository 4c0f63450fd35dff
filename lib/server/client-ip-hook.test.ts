import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { installClientIpHook } from "@/lib/server/client-ip-hook";

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

function clientAddress(headers: Record<string, string>, localAddress: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, localAddress, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(body));
    });
    request.on("error", reject);
  });
}

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
