import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("forbidden", "You do not have access to this");
}
