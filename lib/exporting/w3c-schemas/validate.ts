import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";

/**
 * Validation against the W3C annotation-model JSON Schemas of web-platform-tests, vendored in
 * this folder (see README.md): the definitions, and the assertions of WPT's
 * `annotation-model/annotations/annotationMusts.test` (every MUST of the model an annotation
 * has to meet). Test-only: it reads the files from disk and uses ajv 6, the last ajv that
 * speaks JSON Schema draft-04, the draft these schemas are written in.
 */

const here = path.join(process.cwd(), "lib/exporting/w3c-schemas");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as { id: string };

function createAjv(): Ajv.Ajv {
  // extendRefs: the schemas put keywords beside "$ref" (e.g. a Specific Resource is `$ref`
  // sourceDetected plus `anyOf`); applying them is the strict reading.
  const ajv = new Ajv({ schemaId: "id", allErrors: true, format: "full", extendRefs: true, logger: false });
  ajv.addMetaSchema(JSON.parse(readFileSync(createRequire(import.meta.url).resolve("ajv/lib/refs/json-schema-draft-04.json"), "utf8")));
  for (const file of readdirSync(path.join(here, "definitions"))) ajv.addSchema(readJson(path.join(here, "definitions", file)));
  return ajv;
}

const ajv = createAjv();

/** The assertions of WPT's annotationMusts.test, by file name. */
export const ANNOTATION_MUSTS = readdirSync(path.join(here, "annotations"))
  .sort()
  .map((file) => {
    const schema = readJson(path.join(here, "annotations", file));
    return { name: file, validate: ajv.compile(schema) };
  });

/** The MUST assertions an annotation fails, with ajv's reasons (empty when it passes them all). */
export function annotationMustFailures(annotation: unknown): string[] {
  return ANNOTATION_MUSTS.filter(({ validate }) => !validate(annotation)).map(({ name, validate }) => `${name}: ${ajv.errorsText(validate.errors)}`);
}

/** Whether `value` satisfies one definition, e.g. `collections.json#/definitions/itemsFound`. */
export function satisfies(ref: string, value: unknown): boolean {
  const validate = ajv.getSchema(ref);
  if (!validate) throw new Error(`No schema ${ref}.`);
  return validate(value) as boolean;
}
