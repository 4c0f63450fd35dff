import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./e2e/support/chromium";
import { E2E_BASE_URL, E2E_SECOND_BASE_URL } from "./e2e/support/urls";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // On CI, a failed test runs once more and, passing then, is reported as "flaky" in the output:
  // the shared 2-core CI machines now and then stall a headless renderer for minutes (a click
  // waiting on animation frames that never come), which no test can tell from a bug. A test that
  // fails twice fails the run. Locally, no retry: a flake there is worth seeing.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "tsx --conditions=react-server scripts/e2e-server.ts",
      url: `${E2E_BASE_URL}/api/health`,
      // e2e/import.spec.ts serves pages for the URL importer from a local server on E2E_PORT + 7.
      // Test clients connect from 127.0.0.1, trusted as a proxy, so each can claim its own address
      // with X-Forwarded-For (e2e/support/users.ts); e2e/sign-in-limits.spec.ts attacks from 127.0.0.2.
      // e2e/annotation-protocol.spec.ts checks CORS from http://annotation-client.test.
      env: { GLOSSA_FETCH_ALLOW_HOSTS: `127.0.0.1:${Number(new URL(E2E_BASE_URL).port) + 7}`, GLOSSA_TRUSTED_PROXIES: "127.0.0.1", GLOSSA_CORS_ORIGINS: "http://annotation-client.test" },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      // A second instance on the same database: live collaboration must work across instances.
      command: "tsx --conditions=react-server scripts/e2e-server.ts --second",
      url: `${E2E_SECOND_BASE_URL}/api/health`,
      env: { GLOSSA_FETCH_ALLOW_HOSTS: `127.0.0.1:${Number(new URL(E2E_BASE_URL).port) + 7}`, GLOSSA_TRUSTED_PROXIES: "127.0.0.1" },
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
