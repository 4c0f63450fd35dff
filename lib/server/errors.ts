import "server-only";

export type AppErrorCode = "INVALID_INPUT" | "UNPROCESSABLE" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "RATE_LIMITED" | "NOT_ACCEPTABLE" | "PRECONDITION_FAILED" | "PRECONDITION_REQUIRED";

const STATUS: Record<AppErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  NOT_ACCEPTABLE: 406,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
};

/** An expected failure of a use case, with the message the user will read. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const unauthenticated = (what = "do this") => new AppError("UNAUTHENTICATED", `Sign in to ${what}.`);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
