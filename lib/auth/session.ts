import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import type { Actor } from "./actor";
import { sessionClaimsFromCookie } from "./session-cookie";
import type { Role } from "./roles";
import { loadSessionActor } from "./session-actor";

/** The signed-in user for this request, checked against the database once per request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const requestHeaders = await headers();
  const claims = await sessionClaimsFromCookie(requestHeaders);
  if (!claims) return null;
  const actor = await loadSessionActor(getDb(), claims);
  if (!actor) return null;
  return { ...actor, ip: clientIp(requestHeaders) };
});

async function loginRedirect(): Promise<never> {
  const path = (await headers()).get("x-nano-path");
  redirect(path ? `/login?next=${encodeURIComponent(path)}` : "/login");
}

type RequireOptions = { allowPendingPasswordChange?: boolean };

export async function requireUser(options: RequireOptions = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) return loginRedirect();
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) redirect("/change-password");
  return actor;
}

export async function requireRole(role: Role | readonly Role[]): Promise<Actor> {
  const actor = await requireUser();
  const allowed = typeof role === "string" ? [role] : role;
  if (!allowed.includes(actor.role)) {
    logger.warn("access refused", { userId: actor.id, role: actor.role, needed: allowed, ip: actor.ip, path: (await headers()).get("x-nano-path") });
    forbidden();
  }
  return actor;
}
