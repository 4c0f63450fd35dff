import "server-only";
import { z } from "zod";
import { isStorableText } from "@/lib/validations/storable";

/** A slug as the URL carries it, percent-decoded; a malformed encoding or a NUL names no article (400). */
const slug = z
  .string()
  .min(1, "is required")
  .max(600, "is not a valid article")
  .transform((raw, context) => {
    try {
      const decoded = decodeURIComponent(raw);
      if (isStorableText(decoded)) return decoded;
    } catch {
      // Falls through to the issue below.
    }
    context.addIssue({ code: "custom", message: "is not a valid article" });
    return z.NEVER;
  });
const id = z.string().trim().min(1, "is required").max(200, "is not a valid id");

/** The dynamic segments of a container route. */
export const containerParams = z.object({ slug });
/** The dynamic segments of an annotation route. */
export const annotationParams = z.object({ slug, annotationId: id });
