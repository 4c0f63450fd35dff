import { z } from "zod";
import { storableString } from "@/lib/validations/storable";

/** A new API token: its name says where it is used ("Zotero on my laptop"). */
export const createApiTokenSchema = z
  .object({ name: storableString().trim().min(1, "must not be empty").max(100, "is too long (100 characters at most)") })
  .strict();
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
