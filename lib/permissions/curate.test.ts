import { describe, expect, it } from "vitest";
import { canAnnotate, canCurate, canModify, canWrite, type Actor, type Role } from "@/lib/permissions";

const actor = (role: Role, id = `${role.toLowerCase()}-1`): Actor => ({ id, name: role, email: `${id}@example.test`, role, color: "#000000" });

describe("the Curator role", () => {
  it.each([
    ["ADMIN", true, true],
    ["CURATOR", true, true],
    ["ANNOTATOR", true, false],
    ["READER", false, false],
  ] as const)("%s: annotates %s, curates %s", (role, annotates, curates) => {
    expect(canAnnotate(actor(role))).toBe(annotates);
    expect(canCurate(actor(role))).toBe(curates);
  });

  it("nobody signed in curates nothing", () => {
    expect(canCurate(null)).toBe(false);
  });

  it("a curator changes their own work like an annotator, not another person's (only admins do)", () => {
    const curator = actor("CURATOR");
    expect(canModify(curator, curator.id)).toBe(true);
    expect(canModify(curator, "someone-else")).toBe(false);
    const article = { archivedAt: null };
    expect(canWrite(curator, { type: "new-work", article })).toBe(true);
    expect(canWrite(curator, { type: "annotation", article, annotation: { authorId: "someone-else", visibility: "SHARED" } })).toBe(false);
  });
});
