import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Playwright's own Chromium when installed (undefined = use it), else Debian's; otherwise say how to get one. */
export function chromiumExecutable(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  throw new Error("No Chromium found. Install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`.");
}
