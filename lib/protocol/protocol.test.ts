import { describe, expect, it } from "vitest";
import { containerDocument, pageCount, pageDocument, type ContainerIris } from "./container";
import { corsResponseHeaders, isPreflight, parseCorsOrigins, preflightResponse } from "./cors";
import { etagOf, ifMatchHolds, noneMatchHits } from "./etag";
import { ANNO_CONTEXT, ANNO_MEDIA_TYPE } from "@/lib/annotations/w3c";
import { negotiate } from "./negotiation";
import { containerPreference, PREFER_CONTAINED_DESCRIPTIONS, PREFER_CONTAINED_IRIS, PREFER_MINIMAL_CONTAINER } from "./prefer";

describe("negotiate (Accept)", () => {
  it.each([
    [null, "jsonld"],
    ["", "jsonld"],
    ["*/*", "jsonld"],
    ["application/*", "jsonld"],
    ["application/ld+json", "jsonld"],
    [ANNO_MEDIA_TYPE, "jsonld"],
    [`application/ld+json;profile="http://www.w3.org/ns/activitystreams ${ANNO_CONTEXT}"`, "jsonld"],
    ["application/json", "json"],
    ["application/json, application/ld+json;q=0.5", "json"],
    ["application/ld+json, application/json", "jsonld"],
    ["text/html, */*;q=0.1", "jsonld"],
    ["text/html", null],
    ['application/ld+json; profile="http://www.w3.org/ns/activitystreams"', null],
    ["application/ld+json;q=0, application/json;q=0", null],
    ["*/*;q=0", null],
    ["garbage", "jsonld"],
    ["application/json;q=abc", null],
  ] as const)("%s → %s", (accept, expected) => {
    expect(negotiate(accept)).toBe(expected);
  });

  it("lets a specific refusal win over a wildcard", () => {
    expect(negotiate("*/*, application/ld+json;q=0")).toBe("json");
  });
});

describe("containerPreference (Prefer)", () => {
  const prefer = (include: string, extra = "") => `return=representation; include="${include}"${extra}`;
  it.each([
    [null, "descriptions", false],
    ["respond-async", "descriptions", false],
    [prefer(PREFER_MINIMAL_CONTAINER), "minimal", true],
    [prefer(PREFER_CONTAINED_IRIS), "iris", true],
    [prefer(PREFER_CONTAINED_DESCRIPTIONS), "descriptions", true],
    [prefer(`${PREFER_CONTAINED_IRIS} ${PREFER_MINIMAL_CONTAINER}`), "minimal", true],
    [`return=representation; omit="${PREFER_CONTAINED_DESCRIPTIONS}"`, "iris", true],
    [`respond-async, ${prefer(PREFER_CONTAINED_IRIS)}`, "iris", true],
    [`return=minimal; include="${PREFER_CONTAINED_IRIS}"`, "descriptions", false],
    ['return=representation; include="http://example.com/other"', "descriptions", false],
  ] as const)("%s → %s", (header, preference, applied) => {
    expect(containerPreference(header)).toEqual({ preference, applied });
  });
});

describe("ETags", () => {
  it("are strong, stable and change with any byte", () => {
    const tag = etagOf('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf('{"a":1}')).toBe(tag);
    expect(etagOf('{"a":2}')).not.toBe(tag);
    expect(etagOf("Путин 😀")).not.toBe(etagOf("Путин 😁"));
  });

  it("If-None-Match compares weakly, lists and *", () => {
    const tag = etagOf("x");
    expect(noneMatchHits(null, tag)).toBe(false);
    expect(noneMatchHits(tag, tag)).toBe(true);
    expect(noneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(noneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(noneMatchHits("*", tag)).toBe(true);
    expect(noneMatchHits('"other"', tag)).toBe(false);
  });

  it("If-Match compares strongly", () => {
    const tag = etagOf("x");
    expect(ifMatchHolds(tag, tag)).toBe(true);
    expect(ifMatchHolds(`W/${tag}`, tag)).toBe(false);
    expect(ifMatchHolds(`"a", ${tag}`, tag)).toBe(true);
    expect(ifMatchHolds("*", tag)).toBe(true);
    expect(ifMatchHolds('"stale"', tag)).toBe(false);
    expect(ifMatchHolds("", tag)).toBe(false);
  });
});

describe("container documents", () => {
  const links: ContainerIris = { container: "https://g.example/api/containers/a/", page: (i, iris) => `https://g.example/api/containers/a/?page=${i}${iris ? "&iris=1" : ""}` };
  const annotations = Array.from({ length: 45 }, (_, i) => ({ id: `${links.container}${i}`, type: "Annotation" }));

  it("counts pages", () => {
    expect([0, 1, 20, 21, 45].map((n) => pageCount(n))).toEqual([0, 1, 1, 2, 3]);
  });

  it("embeds the first page of descriptions by default, with last and total", () => {
    const doc = containerDocument({ links, label: "A", annotations, preference: "descriptions" });
    expect(doc.type).toEqual(["BasicContainer", "AnnotationCollection"]);
    expect(doc.total).toBe(45);
    expect(doc.last).toBe(links.page(2, false));
    const first = doc.first as { id: string; items: unknown[]; next?: string; prev?: string };
    expect(first.id).toBe(links.page(0, false));
    expect(first.items).toEqual(annotations.slice(0, 20));
    expect(first.next).toBe(links.page(1, false));
    expect(first.prev).toBeUndefined();
  });

  it("lists IRIs on IRI pages, and names pages only in a minimal container", () => {
    const iris = containerDocument({ links, label: "A", annotations, preference: "iris" });
    expect((iris.first as { items: unknown[] }).items).toEqual(annotations.slice(0, 20).map((a) => a.id));
    expect(iris.last).toBe(links.page(2, true));
    const minimal = containerDocument({ links, label: "A", annotations, preference: "minimal" });
    expect(minimal.first).toBe(links.page(0, false));
  });

  it("has no pages when empty", () => {
    const doc = containerDocument({ links, label: "A", annotations: [], preference: "descriptions" });
    expect(doc.total).toBe(0);
    expect("first" in doc).toBe(false);
    expect(pageDocument({ links, label: "A", annotations: [], index: 0, iris: false })).toBeNull();
  });

  it("pages link prev/next/partOf with startIndex; past the end is null", () => {
    const middle = pageDocument({ links, label: "A", annotations, index: 1, iris: false })!;
    expect(middle).toMatchObject({ type: "AnnotationPage", startIndex: 20, prev: links.page(0, false), next: links.page(2, false), partOf: { id: links.container, total: 45 } });
    const last = pageDocument({ links, label: "A", annotations, index: 2, iris: true })!;
    expect(last.items).toEqual(annotations.slice(40).map((a) => a.id));
    expect("next" in last).toBe(false);
    expect(pageDocument({ links, label: "A", annotations, index: 3, iris: false })).toBeNull();
  });
});

describe("CORS", () => {
  it("parses the allowed origins, refusing what is not an origin", () => {
    expect(parseCorsOrigins(undefined)).toEqual({ any: false, origins: new Set() });
    expect(parseCorsOrigins(" ")).toEqual({ any: false, origins: new Set() });
    expect(parseCorsOrigins("*")).toEqual({ any: true });
    expect(parseCorsOrigins("https://a.example, http://localhost:5173")).toEqual({ any: false, origins: new Set(["https://a.example", "http://localhost:5173"]) });
    for (const bad of ["https://a.example/", "https://a.example/path", "a.example", "ftp://a.example", "https://*.example", "*,https://a.example"]) {
      expect(() => parseCorsOrigins(bad), bad).toThrow(/GLOSSA_CORS_ORIGINS/);
    }
  });

  it("answers allowed origins only, never with credentials", () => {
    const policy = parseCorsOrigins("https://client.example");
    expect(corsResponseHeaders(policy, "https://client.example")).toMatchObject({ "Access-Control-Allow-Origin": "https://client.example" });
    expect(corsResponseHeaders(policy, "https://client.example")["Access-Control-Expose-Headers"]).toContain("ETag, Link, Location, Content-Location");
    expect(corsResponseHeaders(policy, "https://evil.example")).toEqual({});
    expect(corsResponseHeaders(policy, null)).toEqual({});
    expect(corsResponseHeaders(parseCorsOrigins("*"), "null")).toEqual({});
    expect(corsResponseHeaders(parseCorsOrigins(undefined), "https://client.example")).toEqual({});
  });

  it("answers preflights", () => {
    const policy = parseCorsOrigins("https://client.example");
    const headers = new Headers({ Origin: "https://client.example", "Access-Control-Request-Method": "PUT" });
    expect(isPreflight("OPTIONS", headers)).toBe(true);
    expect(isPreflight("GET", headers)).toBe(false);
    expect(isPreflight("OPTIONS", new Headers())).toBe(false);
    const allowed = preflightResponse(policy, headers);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://client.example");
    expect(allowed.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("Authorization");
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    const refused = preflightResponse(policy, new Headers({ Origin: "https://evil.example", "Access-Control-Request-Method": "PUT" }));
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });
});
