import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";
import { idParams, readerRoute } from "@/lib/server/route";

export const DELETE = readerRoute({ action: "revoke API tokens", sessionOnly: true, params: idParams("tokenId") }, async ({ actor, params }) =>
  revokeApiToken({ actor, tokenId: params.tokenId }),
);
