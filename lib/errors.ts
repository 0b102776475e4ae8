/** Expected failures, with a closed set of codes; anything else is a bug and is logged. */
export type AppErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "rate_limited" | "unauthenticated";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const httpStatusFor: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export type FieldErrors = Record<string, string[] | undefined>;

/** What every service returns for expected outcomes; forms render it as it is. */
export type ServiceResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode; message: string; fieldErrors: FieldErrors };

export function ok<T>(data: T): ServiceResult<T> {
  return { ok: true, data };
}

export function fail(code: AppErrorCode, message: string, fieldErrors: FieldErrors = {}): ServiceResult<never> {
  return { ok: false, code, message, fieldErrors };
}
