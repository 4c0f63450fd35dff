import { z } from "zod";

export const ROLES = ["ADMIN", "CURATOR", "ANNOTATOR", "READER"] as const;

export const roleSchema = z.enum(ROLES, { error: "must be ADMIN, ANNOTATOR or READER" });

/** `PATCH /api/admin/users/[userId]`: a new role, disabling or enabling, or both at once. */
export const updateUserSchema = z
  .strictObject(
    {
      role: roleSchema.optional(),
      disabled: z.boolean({ error: "must be true or false" }).optional(),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type" ? 'The body must be a JSON object such as {"role":"READER"} or {"disabled":true}.' : undefined,
    },
  )
  .refine((changes) => changes.role !== undefined || changes.disabled !== undefined, {
    error: "Send a role, disabled, or both.",
  });

export type UpdateUserInput = z.infer<typeof updateUserSchema>;
