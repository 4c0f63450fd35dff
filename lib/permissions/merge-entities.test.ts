import { describe, expect, it } from "vitest";
import { canMergeEntities, type Actor } from "./index";

const actor = (id: string, role: Actor["role"]): Actor => ({ id, role, name: id, color: "#000" }) as Actor;
const admin = actor("ada", "ADMIN");
const ann = actor("ann", "ANNOTATOR");
const rita = actor("rita", "READER");

describe("canMergeEntities", () => {
  it.each([
    ["nobody signed in", null, [], false],
    ["an admin, whoever tagged it", admin, ["ann", "bob"], true],
    ["an annotator, every mention theirs", ann, ["ann", "ann"], true],
    ["an annotator, an entity nobody tagged (only theirs to know)", ann, [], true],
    ["an annotator, one mention someone else's", ann, ["ann", "bob"], false],
    ["a reader, even of their own", rita, ["rita"], false],
    ["a reader, nothing tagged", rita, [], false],
  ] as const)("%s", (_label, who, workAuthorIds, allowed) => {
    expect(canMergeEntities(who, { workAuthorIds })).toBe(allowed);
  });
});
