import { z } from "zod";
import { HIGHLIGHT_COLORS } from "@/lib/annotations/kinds";

/** Printable text without control characters (other than newlines and tabs in Markdown). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "Control characters are not allowed.");

export const PROJECT_ACCESS = ["OPEN", "CLOSED"] as const;
export const PROJECT_ROLES = ["MANAGER", "ANNOTATOR", "READER"] as const;
export const projectRoleSchema = z.enum(PROJECT_ROLES);

export const projectNameSchema = line(80).min(1, "Give the project a name.");

/** What the colour names map: each highlight colour to a short meaning (empty: unnamed). */
export const colorNamesSchema = z.object(Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, line(40).optional()])) as Record<(typeof HIGHLIGHT_COLORS)[number], z.ZodOptional<z.ZodString>>).strict();

export const createProjectSchema = z
  .object({
    name: projectNameSchema,
    description: line(500).default(""),
    access: z.enum(PROJECT_ACCESS).default("OPEN"),
  })
  .strict();
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object({
    name: projectNameSchema.optional(),
    description: line(500).optional(),
    guidelines: z.string().max(50_000, "Guidelines are at most 50,000 characters.").refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), "Control characters are not allowed.").optional(),
    access: z.enum(PROJECT_ACCESS).optional(),
    colorNames: colorNamesSchema.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Nothing to change.");
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const addMemberSchema = z.object({ email: z.string().trim().toLowerCase().email("Give the member's email address.").max(254), role: projectRoleSchema }).strict();
export type AddMemberInput = z.infer<typeof addMemberSchema>;
export const setMemberRoleSchema = z.object({ role: projectRoleSchema }).strict();

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "A colour is #rrggbb.").transform((value) => value.toLowerCase());
const hotkey = z.string().regex(/^[1-9]$/, "A hotkey is one digit, 1–9.").nullable();

const entityTypeFields = {
  label: line(40).min(1, "Give the type a label."),
  key: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]{0,15}$/, "A key is 1–16 capital letters, digits or _, starting with a letter (PER, ORG)."),
  color: hexColor,
  hotkey,
  description: line(200),
};

export const entityTypeSchema = z.object({ ...entityTypeFields, hotkey: hotkey.default(null), description: entityTypeFields.description.default("") }).strict();
export type EntityTypeInput = z.infer<typeof entityTypeSchema>;
/** A change to a type: only the fields sent (no defaults, so renaming leaves the hotkey and description alone). */
export const updateEntityTypeSchema = z
  .object(entityTypeFields)
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Nothing to change.");
export type UpdateEntityTypeInput = z.infer<typeof updateEntityTypeSchema>;

/** Deleting a type: where its tags go when it has any (another type of the same project). */
export const deleteEntityTypeSchema = z.object({ moveTo: z.string().min(1).max(64).optional() }).strict();

export const articleProjectSchema = z.object({ articleId: z.string().min(1).max(64) }).strict();
