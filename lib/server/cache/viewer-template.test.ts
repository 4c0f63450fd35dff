import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { templateViewer, templateViewerOf, VIEWER_TEMPLATE_HEADER, viewerTemplateHeader } from "@/lib/server/cache/viewer-template";

const actor: Actor = { id: "abc", name: "Tmpl", email: "tmpl", color: "tmpl", role: "CURATOR" };

describe("the template viewer header", () => {
  it("names the template viewer when this process wrote it", () => {
    expect(templateViewerOf(new Headers({ [VIEWER_TEMPLATE_HEADER]: viewerTemplateHeader(actor) }))).toEqual(actor);
  });

  it.each([
    ["no header", undefined],
    ["empty", ""],
    ["no secret", Buffer.from(JSON.stringify(actor)).toString("base64url")],
    ["a guessed secret", `${Buffer.alloc(32, 7).toString("base64url")}.${Buffer.from(JSON.stringify(actor)).toString("base64url")}`],
    ["a short secret", `AAAA.${Buffer.from(JSON.stringify(actor)).toString("base64url")}`],
  ])("is nobody with %s", (_what, value) => {
    expect(templateViewerOf(new Headers(value === undefined ? {} : { [VIEWER_TEMPLATE_HEADER]: value }))).toBeNull();
  });

  it("is nobody with the right secret but a malformed or wrongly typed actor", () => {
    const secret = viewerTemplateHeader(actor).split(".")[0];
    for (const body of ["not json", JSON.stringify({ ...actor, role: "OWNER" }), JSON.stringify({ id: 1 }), JSON.stringify(null)]) {
      expect(templateViewerOf(new Headers({ [VIEWER_TEMPLATE_HEADER]: `${secret}.${Buffer.from(body).toString("base64url")}` }))).toBeNull();
    }
  });
});

describe("templateViewer", () => {
  it("makes two variants whose fields share no letter and no length", () => {
    const [a, b] = [templateViewer("READER", 0), templateViewer("READER", 1)];
    for (const field of ["id", "name", "email", "color"] as const) {
      expect(a[field]).toMatch(/^[a-m]{28}$/);
      expect(b[field]).toMatch(/^[n-z]{29}$/);
    }
    expect(a.role).toBe("READER");
    expect(templateViewer("READER", 0).name).not.toBe(a.name);
  });
});
