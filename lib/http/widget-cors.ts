import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { isDatabaseUnavailable } from "@/lib/db-availability";
import { AppError, httpStatusFor, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { appOrigin, widgetAllowedOrigins } from "@/lib/visitor-chat/allowed-origins";
import { databaseUnavailableResponse } from "./database-unavailable";
import { isSameOriginRequest } from "./same-origin";

/** A caller the widget API answers, and the origin to name in Access-Control-Allow-Origin (null: same-origin or not a browser). */
export type WidgetCaller = { ok: true; allowOrigin: string | null } | { ok: false };

export const REFUSED_ORIGIN_MESSAGE = "This site may not use the chat widget";

/**
 * Same-origin calls (the widget's own panel, served by the app in its iframe) and callers with no
 * Origin (not a browser page) pass as they are; a page of a listed host site gets CORS; any other
 * page is refused.
 */
export function widgetCaller(headers: Headers, allowed: readonly string[] = widgetAllowedOrigins(), own: string = appOrigin()): WidgetCaller {
  const origin = headers.get("origin");
  if (origin === null) return { ok: true, allowOrigin: null };
  let normalized: string;
  try {
    normalized = new URL(origin).origin;
  } catch {
    return { ok: false };
  }
  // "null" (a sandboxed frame, a file:// page) parses to the opaque origin "null": never allowed.
  if (normalized === "null") return { ok: false };
  if (normalized === own || isSameOriginRequest(headers)) return { ok: true, allowOrigin: null };
  return allowed.includes(normalized) ? { ok: true, allowOrigin: normalized } : { ok: false };
}

function withCors(response: Response, allowOrigin: string | null): Response {
  // Answers differ by Origin, so no cache may hand one site's answer to another.
  response.headers.append("Vary", "Origin");
  response.headers.set("Cache-Control", "no-store");
  if (allowOrigin) response.headers.set("Access-Control-Allow-Origin", allowOrigin);
  return response;
}

function refuse(request: Request): Response {
  logger.warn("widget call from a site not allowed", { path: new URL(request.url).pathname, origin: request.headers.get("origin")?.slice(0, 200) });
  return NextResponse.json({ error: REFUSED_ORIGIN_MESSAGE }, { status: 403, headers: { Vary: "Origin" } });
}

/** The OPTIONS answer for the widget API: the preflight of a listed host site, 403 for any other. */
export function widgetPreflight(request: Request): Response {
  const caller = widgetCaller(request.headers);
  if (!caller.ok) return refuse(request);
  const response = new Response(null, { status: 204 });
  if (caller.allowOrigin) {
    response.headers.set("Access-Control-Allow-Methods", "GET, POST");
    response.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.headers.set("Access-Control-Max-Age", "600");
  }
  return withCors(response, caller.allowOrigin);
}

/** A service result as the widget API answers it: `{ data }`, or `{ error, fieldErrors }` with its status. */
export function widgetResult<T>(result: ServiceResult<T>, successStatus = 200): Response {
  if (result.ok) return NextResponse.json({ data: result.data }, { status: successStatus });
  return NextResponse.json({ error: result.message, fieldErrors: result.fieldErrors }, { status: httpStatusFor[result.code] });
}

/**
 * A widget API handler: the origin check first, CORS headers on every answer to a listed site, and
 * an unexpected failure logged with a reference (hostile input is refused by the handler with a 4xx).
 */
export function widgetRoute(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const caller = widgetCaller(request.headers);
    if (!caller.ok) return refuse(request);
    let response: Response;
    try {
      response = await handler(request);
    } catch (error) {
      if (error instanceof AppError) {
        response = NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: httpStatusFor[error.code] });
      } else if (isDatabaseUnavailable(error)) {
        response = databaseUnavailableResponse(request, error);
      } else {
        const ref = randomUUID().slice(0, 8);
        logger.error("widget route failed", { ref, path: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) });
        response = NextResponse.json({ error: `Something went wrong (ref ${ref}). Try again.` }, { status: 500 });
      }
    }
    return withCors(response, caller.allowOrigin);
  };
}
