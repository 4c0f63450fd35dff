/** The Entity box's create option: a new entity under the edited name; refusals leave nothing. */
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { testLibrary } from "@/lib/server/testing/library";
import { createEntity } from "./create-entity";

const library = testLibrary("glossa-create-entity-test");
const count = async () => Number((await library.client.query(`SELECT count(*) FROM "Entity"`)).rows[0].count);

describe("createEntity", () => {
  it("creates the edited name once, as the actor's; the same name answers the same entity", async () => {
    const made = await createEntity({ actor: library.ann, input: { typeId: library.types.PER!, name: "  Владимир   Владимирович Путин " } });
    expect(made.name).toBe("Владимир Владимирович Путин");
    const { rows } = await library.client.query(`SELECT "createdById", aliases FROM "Entity" WHERE id = $1`, [made.id]);
    expect(rows[0]).toEqual({ createdById: library.ann.id, aliases: [] });
    expect(await createEntity({ actor: library.bob, input: { typeId: library.types.PER!, name: "Владимир Владимирович Путин" } })).toEqual(made);
  });

  it("refuses Readers, anonymous callers, bad input and unknown types, creating nothing", async () => {
    const before = await count();
    await expect(createEntity({ actor: library.rita, input: { typeId: library.types.PER!, name: "Икс" } })).rejects.toMatchObject({ status: 403 });
    await expect(createEntity({ actor: null, input: { typeId: library.types.PER!, name: "Икс" } })).rejects.toMatchObject({ status: 401 });
    await expect(createEntity({ actor: library.ann, input: { typeId: "nope", name: "Икс" } })).rejects.toMatchObject({ status: 422 });
    for (const input of [{}, { typeId: library.types.PER!, name: "" }, { typeId: library.types.PER!, name: "x".repeat(201) }, { typeId: library.types.PER!, name: 5 }, { typeId: library.types.PER!, name: "a", extra: 1 }]) {
      await expect(createEntity({ actor: library.ann, input })).rejects.toBeInstanceOf(ZodError);
    }
    expect(await count()).toBe(before);
  });

  it("keeps HTML as text", async () => {
    const made = await createEntity({ actor: library.ann, input: { typeId: library.types.ORG!, name: "<script>alert(1)</script>" } });
    expect(made.name).toBe("<script>alert(1)</script>");
  });
});
