import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { Actor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db-availability";
import { AppError, httpStatusFor, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { apiJson } from "./api-json";
import { databaseUnavailableResponse } from "./database-unavailable";
import { isSameOriginRequest } from "./same-origin";

type Handler<T> = (actor: Actor, request: Request) => Promise<ServiceResult<T> | Response>;

/**
 * Route handlers for the app's own browser code: same-origin only (no automatic CSRF check here),
 * a signed-in actor, service results as JSON with the status their code implies; 503 while
 * PostgreSQL cannot be reached.
 */
export function jsonRoute<T>(handler: Handler<T>, successStatus = 200) {
  return async (request: Request): Promise<Response> => {
    if (!isSameOriginRequest(request.headers)) return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
    try {
      const actor = await currentActor();
      if (!actor) return NextResponse.json({ error: "Your session has ended. Sign in again." }, { status: 401 });
      if (actor.mustChangePassword) return NextResponse.json({ error: "Change your password first." }, { status: 403 });
      const result = await handler(actor, request);
      if (result instanceof Response) return result;
      if (result.ok) return apiJson({ data: result.data }, successStatus);
      return apiJson({ error: result.message, fieldErrors: result.fieldErrors }, httpStatusFor[result.code]);
    } catch (error) {
      if (error instanceof AppError) return NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: httpStatusFor[error.code] });
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(request, error);
      const ref = randomUUID().slice(0, 8);
      logger.error("route failed", { ref, path: new URL(request.url).pathname, error: error instanceof Error ? error.stack : String(error) });
      return NextResponse.json({ error: `Something went wrong (ref ${ref}). Try again.` }, { status: 500 });
    }
  };
}
