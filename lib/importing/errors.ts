export type ImportErrorCode =
  | "EMPTY"
  | "TOO_LARGE"
  | "TOO_MANY_PARAGRAPHS"
  | "BINARY"
  | "INVALID_JSON"
  | "UNKNOWN_FIELD"
  | "MISSING_TEXT"
  | "INVALID_FIELD";

/**
 * An import the user can fix. `message` is written for end users (it is shown as is);
 * `code` lets callers map the failure to an HTTP status or a form field.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    public readonly code: ImportErrorCode,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
