import { NextResponse } from "next/server";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseErrorSummary, isDatabaseUnavailable } from "@/lib/db-availability";
import { logger } from "@/lib/log/logger";

// Long enough for PostgreSQL to come back from a restart; clients and providers may retry sooner.
const RETRY_AFTER_SECONDS = "5";

/** The 503 every JSON route gives while PostgreSQL cannot be reached: the same words, no error text. */
export function databaseUnavailableResponse(request: Request, error: unknown): NextResponse {
  logger.warn("database unavailable", { path: new URL(request.url).pathname, error: databaseErrorSummary(error) });
  return NextResponse.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { "Retry-After": RETRY_AFTER_SECONDS, "Cache-Control": "no-store" } });
}

/**
 * For route handlers outside jsonRoute and widgetRoute (downloads, polling, channel auth): a
 * database outage answers the same 503 instead of Next's bare 500; anything else is rethrown as is.
 */
export function answer503WhileDatabaseDown<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(args[0], error);
      throw error;
    }
  };
}
