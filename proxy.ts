import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { areaRoleForPath } from "@/lib/auth/roles";

const { auth } = NextAuth(authConfig);

const signedInOnly = ["/profile", "/notifications", "/change-password"];

/**
 * Early redirects only, from the JWT alone. Every page, action and route checks the session
 * against the database itself (lib/auth/session.ts).
 */
export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
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

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
