/**
 * The annotation file's body: capped as it is read, and refused with a message about the file
 * (empty, not UTF-8, not JSON, too large) before the use case sees it.
 */
import { describe, expect, it } from "vitest";
import { annotationFileBody, MAX_ANNOTATION_FILE_BYTES } from "./annotation-file-body";

function read(body: BodyInit) {
  const request = new Request("http://localhost/api/articles/a/annotation-imports", { method: "POST", body, headers: { "Content-Type": "application/ld+json" } });
  return annotationFileBody.read(request, { type: "application/ld+json", limit: annotationFileBody.limit("application/ld+json"), tooLarge: annotationFileBody.tooLarge("application/ld+json") });
}

describe("annotationFileBody", () => {
  it("parses a JSON-LD file", async () => {
    await expect(read('{"type":"Annotation"}')).resolves.toEqual({ type: "Annotation" });
    expect(annotationFileBody.types).toEqual(["application/ld+json", "application/json"]);
  });

  it.each([
    ["empty", "", { code: "INVALID_INPUT", message: "The file is empty." }],
    ["not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { code: "INVALID_INPUT", message: "The file is not UTF-8 text." }],
    ["not JSON", "{ not json", { code: "INVALID_INPUT", message: expect.stringMatching(/^The file is not JSON: /) }],
    ["too large, whatever it says of itself", "x".repeat(MAX_ANNOTATION_FILE_BYTES + 1), { code: "TOO_LARGE", message: "The file is too large: the limit is 20 MB." }],
  ])("refuses a file that is %s", async (_name, body, error) => {
    await expect(read(body as BodyInit)).rejects.toMatchObject(error);
  });
});
