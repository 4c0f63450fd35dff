import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { layerCookie, layerCookieValueOf, MAX_REMEMBERED_LAYERS, parseLayerPreference, preferLayer } from "./layer-preference";
import { chooseViewLayer, chooseWriteLayer, type LayerCandidate } from "./layers";

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
    ["a site Reader on an article in no project: the site role decides", person("rita", "READER"), [], undefined, { ok: false, reason: "may-not-annotate" }],
    ["a site Reader who is the desk's Annotator", person("rita", "READER"), [openVisitor, desk], undefined, { ok: true, projectId: "desk" }],
    ["a site Annotator who is a Closed desk's Reader, on that desk", person("rob", "ANNOTATOR"), [deskAsReader], undefined, { ok: false, reason: "may-not-annotate" }],
  ])("%s", (_, actor, candidates, requested, expected) => {
    expect(chooseWriteLayer(actor, { ...LIVE, projects: candidates.map((c) => c.facts) }, candidates, requested)).toEqual(expected);
  });
});

describe("chooseViewLayer", () => {
  const economy: LayerCandidate = { id: "economy", facts: { access: "CLOSED", memberRole: "ANNOTATOR" } };
  it.each<[string, Actor | null, LayerCandidate[], string[], string | null]>([
    ["an article in no project has no layer", person("ann", "ANNOTATOR"), [], [], null],
    ["anonymous: the first Open layer", null, [otherDesk, openVisitor, { id: "later", facts: { access: "OPEN", memberRole: null } }], [], "newsroom"],
    ["a desk member: their Closed desk before the Open project", person("mia", "ANNOTATOR"), [glossa, desk], [], "desk"],
    ["a non-member never gets a Closed layer, even when they prefer it", person("nina", "ANNOTATOR"), [otherDesk, openVisitor], ["other"], "newsroom"],
    ["the layer they chose last, among those they may read", person("mia", "ANNOTATOR"), [glossa, desk], ["glossa"], "glossa"],
    ["a remembered choice the article is not in is passed over", person("mia", "ANNOTATOR"), [glossa, desk], ["economy", "desk"], "desk"],
    ["a layer they may annotate in before one they only read", person("rob", "ANNOTATOR"), [deskAsReader, openVisitor], [], "newsroom"],
    ["a site Reader who is a desk Annotator: the desk", person("rita", "READER"), [openVisitor, economy], [], "economy"],
    ["an admin reads a Closed desk they are not in, when they choose it", person("root", "ADMIN"), [openVisitor, otherDesk], ["other"], "other"],
    ["a non-member of the only Closed project has no layer", person("nina", "ANNOTATOR"), [otherDesk], [], null],
  ])("%s", (_, actor, candidates, preferred, expected) => {
    expect(chooseViewLayer(actor, candidates, preferred)).toBe(expected);
  });

  it("new work goes into the layer on screen, or is refused — never into another layer", () => {
    const article = { ...LIVE, projects: [glossa.facts, deskAsReader.facts] };
    expect(chooseWriteLayer(person("rob", "ANNOTATOR"), article, [glossa, deskAsReader], undefined, ["glossa"])).toEqual({ ok: true, projectId: "glossa" });
    expect(chooseWriteLayer(person("rob", "ANNOTATOR"), article, [glossa, deskAsReader], undefined, ["desk"])).toEqual({ ok: false, reason: "may-not-annotate" });
    expect(chooseWriteLayer(person("nina", "ANNOTATOR"), { ...LIVE, projects: [otherDesk.facts] }, [otherDesk])).toEqual({ ok: false, reason: "may-not-annotate" });
  });
});

describe("the remembered layer choice (cookie)", () => {
  it("puts the newest choice first, keeps a few, and drops anything malformed", () => {
    expect(preferLayer([], "desk")).toBe("desk");
    expect(preferLayer(["glossa", "desk"], "desk")).toBe("desk.glossa");
    expect(parseLayerPreference(preferLayer(Array.from({ length: 20 }, (_, i) => `p${i}`), "new"))).toHaveLength(MAX_REMEMBERED_LAYERS);
    expect(parseLayerPreference("desk.<script>.glossa..desk")).toEqual(["desk", "glossa"]);
    expect(parseLayerPreference("x".repeat(65))).toEqual([]);
    expect(parseLayerPreference(undefined)).toEqual([]);
    expect(() => preferLayer([], "a.b")).toThrow();
  });

  it("is read from a Cookie header as the browser sends back what layerCookie set, whatever else the header holds", () => {
    const sent = layerCookie(preferLayer(["glossa"], "desk")).split(";")[0]!;
    expect(layerCookieValueOf(`theme=dark; ${sent}; glossa-layers=later`)).toBe("desk.glossa");
    expect(layerCookieValueOf("glossa-layers=desk%2Eglossa")).toBe("desk.glossa");
    expect(layerCookieValueOf("glossa-layers=%E0%A4%A")).toBe("%E0%A4%A");
    expect(layerCookieValueOf("not-glossa-layers=desk; glossa-layersx=desk")).toBeUndefined();
    expect(layerCookieValueOf(null)).toBeUndefined();
  });
});
