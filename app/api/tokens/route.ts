import { createApiToken } from "@/lib/server/tokens/create-api-token";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";
import { jsonBody, readerRoute } from "@/lib/server/route";
import { createApiTokenSchema } from "@/lib/validations/api-token";

// Token management takes a signed-in session only (sessionOnly): a leaked token cannot mint more or hide itself.
export const GET = readerRoute({ action: "see your API tokens", sessionOnly: true }, async ({ actor }) => listApiTokens({ actor }));

export const POST = readerRoute({ action: "create API tokens", sessionOnly: true, body: jsonBody(createApiTokenSchema, { maxBytes: 4096 }), status: 201 }, async ({ actor, body }) =>
  createApiToken({ actor, input: body }),
);
