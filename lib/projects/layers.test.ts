import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { chooseWriteLayer, type LayerCandidate } from "./layers";

const person = (id: string, role: Actor["role"]): Actor => ({ id, role, name: id, email: `${id}@test.glossa`, color: "#000000" });
const LIVE = { archivedAt: null };
const glossa: LayerCandidate = { id: "glossa", facts: { access: "OPEN", memberRole: "ANNOTATOR" } };
const openVisitor: LayerCandidate = { id: "newsroom", facts: { access: "OPEN", memberRole: null } };
const desk: LayerCandidate = { id: "desk", facts: { access: "CLOSED", memberRole: "ANNOTATOR" } };
const deskAsReader: LayerCandidate = { id: "desk", facts: { access: "CLOSED", memberRole: "READER" } };
const otherDesk: LayerCandidate = { id: "other", facts: { access: "CLOSED", memberRole: null } };

describe("chooseWriteLayer", () => {
  it.each<[string, Actor, LayerCandidate[], string | undefined, ReturnType<typeof chooseWriteLayer>]>([
    ["an article in no project: outside projects, as before", person("ann", "ANNOTATOR"), [], undefined, { ok: true, projectId: null }],
    ["the desk before an Open project it shares the article with", person("mia", "ANNOTATOR"), [glossa, desk], undefined, { ok: true, projectId: "desk" }],
    ["a member's Open project before one they only visit", person("ann", "ANNOTATOR"), [openVisitor, glossa], undefined, { ok: true, projectId: "glossa" }],
    ["an Open project by site role when they belong to none", person("nina", "ANNOTATOR"), [otherDesk, openVisitor], undefined, { ok: true, projectId: "newsroom" }],
    ["a desk Reader falls back to the Open layer", person("rob", "ANNOTATOR"), [deskAsReader, openVisitor], undefined, { ok: true, projectId: "newsroom" }],
    ["a site Reader with nowhere to annotate", person("rita", "READER"), [openVisitor, otherDesk], undefined, { ok: false, reason: "may-not-annotate" }],
    ["the layer asked for", person("mia", "ANNOTATOR"), [glossa, desk], "glossa", { ok: true, projectId: "glossa" }],
    ["a Closed layer asked for by a non-member", person("nina", "ANNOTATOR"), [otherDesk, openVisitor], "other", { ok: false, reason: "may-not-annotate" }],
    ["a project the article is not in", person("mia", "ANNOTATOR"), [glossa], "desk", { ok: false, reason: "not-in-project" }],
    ["a project asked for on an article in none", person("mia", "ANNOTATOR"), [], "desk", { ok: false, reason: "not-in-project" }],
  ])("%s", (_, actor, candidates, requested, expected) => {
    expect(chooseWriteLayer(actor, { ...LIVE, projects: candidates.map((c) => c.facts) }, candidates, requested)).toEqual(expected);
  });
});
