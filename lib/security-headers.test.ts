import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isLocalhost, pageSecurityHeaders } from "@/lib/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));

  it("lets scripts run only with the nonce: no inline scripts, no eval", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("refuses framing, plugins and other bases and form targets", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows eval only in development, and upgrades requests only over https", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("pageSecurityHeaders", () => {
  it.each([
    ["https://glossa.example", true],
    ["https://glossa.example:8443/", true],
    ["http://glossa.example", false],
    ["https://localhost:3000", false],
    ["https://127.0.0.1", false],
    ["https://[::1]:3000", false],
    ["http://127.0.0.1:3100", false],
  ])("%s: HSTS %s", (baseURL, hsts) => {
    const headers = pageSecurityHeaders({ nonce: "n", baseURL, dev: false });
    expect("Strict-Transport-Security" in headers).toBe(hsts);
    expect(headers["Content-Security-Policy"]).toContain("'nonce-n'");
  });
});

describe("isLocalhost", () => {
  it.each([
    ["http://localhost:3000", true],
    ["http://127.0.0.1:3100", true],
    ["http://[::1]:3000", true],
    ["https://glossa.example", false],
    ["http://localhost.glossa.example", false],
  ])("%s → %s", (url, local) => {
    expect(isLocalhost(url)).toBe(local);
  });
});
