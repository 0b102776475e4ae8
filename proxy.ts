import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { areaRoleForPath } from "@/lib/auth/roles";
import { checkActionBody } from "@/lib/http/action-body";
import { isActionOriginAllowed, isPossibleServerAction } from "@/lib/http/action-origin";
import { isDecodablePath } from "@/lib/http/path-segment";
import { logger } from "@/lib/log/logger";

const { auth } = NextAuth(authConfig);

const signedInOnly = ["/profile", "/notifications", "/change-password"];

/**
 * Early redirects only, from the JWT alone, and the refusal of cross-site server action posts and
 * of action bodies Next cannot decode (server actions post to page paths, which this matcher
 * covers). Every page, action and route checks the session against the database itself
 * (lib/auth/session.ts).
 */
export const proxy = auth(async (request) => {
  const { pathname, search } = request.nextUrl;
  // A path that does not decode fails inside Next's router, which finds no error page to render
  // in an App Router app and answers 500: the client's doing, so a 400 with a reason.
  if (!isDecodablePath(new URL(request.url).pathname)) {
    logger.warn("malformed path refused", { path: new URL(request.url).pathname.slice(0, 200) });
    return NextResponse.json({ error: "The address is malformed: it has a percent-escape that is not UTF-8." }, { status: 400 });
  }
  // The only API paths that reach the proxy are those with a percent-escape; actions never post there.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  // Next refuses a cross-site action too, but as a 500; hostile input is the client's fault.
  if (isPossibleServerAction(request.method, request.headers) && !isActionOriginAllowed(request.headers)) {
    logger.warn("cross-site server action refused", { path: pathname, origin: request.headers.get("origin")?.slice(0, 200) });
    return new NextResponse("Cross-site request refused", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  // Next answers 500 to a body React cannot decode (empty, cut short, not the arguments array).
  if (isPossibleServerAction(request.method, request.headers)) {
    const body = await checkActionBody(request);
    if (!body.ok) {
      logger.warn("server action body refused", { path: pathname, status: body.status, reason: body.reason });
      return new NextResponse(body.reason, { status: body.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
  }
  const claims = request.auth?.claims;
  const area = areaRoleForPath(pathname);
  const needsSession = area !== undefined || signedInOnly.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (needsSession && !claims) {
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (area && claims && claims.role !== area) {
    return NextResponse.rewrite(new URL("/forbidden", request.nextUrl), { status: 403 });
  }
  // Pages read the path to send an expired session back here after sign-in.
  const headers = new Headers(request.headers);
  headers.set("x-nano-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
});

// API routes stay outside the proxy (Next would buffer their upload bodies for it) except for
// paths with a percent-escape, which no id the app makes contains, so the check above sees them.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)", "/api/:rest(.*%.*)"],
};
