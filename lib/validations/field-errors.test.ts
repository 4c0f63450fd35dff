import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrors } from "./field-errors";

describe("fieldErrors", () => {
  const schema = z.object({
    title: z.string().min(1, "Title must not be empty.").max(3, "Title is too long."),
    tags: z.array(z.string().min(1, "A tag must not be empty.")),
  });

  it("keeps the first message of each field, including issues deep inside it", () => {
    const result = schema.safeParse({ title: "", tags: ["ok", ""] });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues)).toEqual({ title: "Title must not be empty.", tags: "A tag must not be empty." });
  });

  it("ignores issues about the whole object", () => {
    expect(fieldErrors([{ path: [], message: "Unrecognized key: revision" }, { path: [0], message: "not a field" }])).toEqual({});
  });

  it("is empty when there is nothing wrong", () => {
    expect(fieldErrors([])).toEqual({});
  });
});
