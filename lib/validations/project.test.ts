import { describe, expect, it } from "vitest";
import { addMemberSchema, createProjectSchema, deleteEntityTypeSchema, entityTypeSchema, updateEntityTypeSchema, updateProjectSchema } from "./project";

const type = { label: "Source", key: "SRC", color: "#0f766e", hotkey: "6", description: "" };

describe("project inputs refuse what they cannot store", () => {
  it.each<[string, unknown]>([
    ["an empty name", { name: "   " }],
    ["a huge name", { name: "x".repeat(81) }],
    ["a name with a control character", { name: "Desk\u0000" }],
    ["a name that is not text", { name: 42 }],
    ["an unknown access", { name: "Desk", access: "SECRET" }],
    ["an unknown field", { name: "Desk", owner: "me" }],
  ])("create: %s", (_, input) => {
    expect(createProjectSchema.safeParse(input).success).toBe(false);
  });

  it("keeps HTML in a name as text (React escapes it where shown)", () => {
    expect(createProjectSchema.parse({ name: "<img src=x onerror=alert(1)>" }).name).toBe("<img src=x onerror=alert(1)>");
  });

  it.each<[string, unknown]>([
    ["nothing to change", {}],
    ["guidelines over 50,000 characters", { guidelines: "x".repeat(50_001) }],
    ["a colour name for a colour that does not exist", { colorNames: { purple: "claim" } }],
    ["a colour name of 41 characters", { colorNames: { yellow: "x".repeat(41) } }],
  ])("update: %s", (_, input) => {
    expect(updateProjectSchema.safeParse(input).success).toBe(false);
  });

  it.each<[string, unknown]>([
    ["an email that is not one", { email: "not-an-email", role: "READER" }],
    ["a role that does not exist", { email: "a@b.org", role: "OWNER" }],
    ["a site role instead of a project role", { email: "a@b.org", role: "ADMIN" }],
  ])("add member: %s", (_, input) => {
    expect(addMemberSchema.safeParse(input).success).toBe(false);
  });

  it.each<[string, object]>([
    ["hotkey 0", { hotkey: "0" }],
    ["hotkey 10", { hotkey: "10" }],
    ["a colour name instead of #rrggbb", { color: "red" }],
    ["a key with spaces", { key: "MY KEY" }],
    ["a key starting with a digit", { key: "1ST" }],
    ["an empty label", { label: "" }],
    ["a label of 41 characters", { label: "x".repeat(41) }],
  ])("entity type: %s", (_, change) => {
    expect(entityTypeSchema.safeParse({ ...type, ...change }).success).toBe(false);
  });

  it("normalises a type's key to capitals and its colour to lower case, and refuses an empty change", () => {
    expect(entityTypeSchema.parse({ ...type, key: "src", color: "#0F766E" })).toMatchObject({ key: "SRC", color: "#0f766e" });
    expect(updateEntityTypeSchema.safeParse({}).success).toBe(false);
    // A rename sends the label alone: nothing else may be reset by a default.
    expect(updateEntityTypeSchema.parse({ label: "Named source" })).toEqual({ label: "Named source" });
    expect(deleteEntityTypeSchema.safeParse({ moveTo: "" }).success).toBe(false);
  });
});
