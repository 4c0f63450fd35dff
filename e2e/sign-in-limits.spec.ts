import http from "node:http";
import { randomInt, randomUUID } from "node:crypto";
import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, signOutWithApi, test } from "./support/users";

/*
 * The e2e server trusts 127.0.0.1 as its proxy (GLOSSA_TRUSTED_PROXIES, so the other specs can
 * be many clients); these requests come from other loopback addresses, clients that are not a
 * proxy, which write a new X-Forwarded-For on every request as an attacker would.
 */

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { code?: string; message?: string };
}

function postFrom(attacker: string, path: string, body: unknown): Promise<Answer> {
  const url = new URL(path, E2E_BASE_URL);
  const payload = JSON.stringify(body);
  const headers = {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(payload)),
    Origin: url.origin,
    "X-Forwarded-For": `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
  };
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress: attacker, headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => {
        let parsed: Answer["body"] = {};
        try {
          parsed = JSON.parse(text) as Answer["body"];
        } catch {
          // not JSON: the status says enough
        }
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"] as string | undefined, body: parsed });
      });
    });
    request.on("error", reject);
    request.end(payload);
  });
}

test.describe("sign-in limits", () => {
  test("a password-guessing loop on one account gets 429 whatever X-Forwarded-For says; a colleague at the same address still signs in", async ({ page }) => {
    const victim = await newUser(page);
    await signOutWithApi(page);
    const colleague = await newUser(page);

    const answers: Answer[] = [];
    for (let guess = 1; guess <= 6; guess++) answers.push(await postFrom("127.0.0.2", "/api/auth/sign-in/email", { email: victim.email, password: `guess-${guess}-${randomUUID()}` }));
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    const refused = answers[5]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/Too many attempts for this account\. Try again in \d+ seconds?\./) });

    expect((await postFrom("127.0.0.2", "/api/auth/sign-in/email", { email: colleague.email, password: colleague.password })).status).toBe(200);
  });

  test("one address trying account after account gets 429 although every request claims another address", async () => {
    // Malformed emails are refused without hashing a password, so the 120 allowed attempts are quick.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 121; attempt++) {
      statuses.push((await postFrom("127.0.0.3", "/api/auth/sign-in/email", { email: `spray-${attempt}-${randomUUID()}`, password: "x" })).status);
    }
    expect(statuses.slice(0, 120).filter((status) => status === 429)).toHaveLength(0);
    expect(statuses[120]).toBe(429);
  });
});
