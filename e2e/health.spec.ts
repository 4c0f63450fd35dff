import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { E2E_PORT } from "./support/urls";

test("health answers 200 after a database round-trip", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});

test.describe("with the database down", () => {
  const port = E2E_PORT + 9;
  let server: ChildProcess;

  test.beforeAll(async () => {
    // An instance of the same build whose database does not answer (nothing listens on port 9).
    const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:9/none", BETTER_AUTH_SECRET: "x".repeat(40) },
      stdio: "ignore",
    });
    await expect
      .poll(async () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 })
      .toBeGreaterThan(0);
  });

  test.afterAll(() => {
    server.kill("SIGTERM");
  });

  test("health answers 503", async ({ request }) => {
    const response = await request.get(`http://127.0.0.1:${port}/api/health`);
    expect(response.status()).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
  });
});
