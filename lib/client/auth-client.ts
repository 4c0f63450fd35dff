import { createAuthClient } from "better-auth/react";

/** better-auth's browser client, on this origin. */
export const authClient = createAuthClient();
