import type { Actor } from "./actor";
import type { Role } from "./roles";

/**
 * The permission matrix: the one place that names which role may do what.
 * Anything not listed is refused (fail closed).
 */
const permissions = {
  "profile:edit-own": ["student", "teacher", "cs_rep", "admin"],
  "notifications:read-own": ["student", "teacher", "cs_rep", "admin"],
  "users:list": ["admin"],
  "users:create-staff": ["admin"],
  "users:block": ["admin"],
  "users:reset-password": ["admin"],
  "dashboard:admin": ["admin"],
  "dashboard:student": ["student"],
  "dashboard:teacher": ["teacher"],
  "dashboard:support": ["cs_rep"],
  "audit:read": ["admin"],
  // Assignments: which role may try each move; lib/assignments/policy.ts adds the per-object rules.
  "assignments:request": ["student"],
  "assignments:view-own": ["student"],
  "assignments:edit-own": ["student"],
  "assignments:cancel-own": ["student"],
  "assignments:review-delivery": ["student"],
  "assignments:view-assigned": ["teacher"],
  "assignments:respond-to-offer": ["teacher"],
  "assignments:deliver": ["teacher"],
  "assignments:view-all": ["cs_rep", "admin"],
  "assignments:assign": ["cs_rep", "admin"],
  "assignments:cancel-any": ["cs_rep", "admin"],
  "assignments:extend-due-date": ["cs_rep", "admin"],
  // Invoices and payments; lib/invoices/policy.ts adds the per-object rules.
  "invoices:view-own": ["student"],
  "invoices:pay-own": ["student"],
  "invoices:view-all": ["cs_rep", "admin"],
  "invoices:draft": ["cs_rep", "admin"],
  "invoices:submit": ["cs_rep", "admin"],
  "invoices:approve": ["admin"],
  "invoices:reject": ["admin"],
  "invoices:void": ["admin"],
  "payments:view-own": ["student"],
  "payments:record-manual": ["admin"],
  "payments:refund": ["admin"],
  "payments:resolve-dispute": ["admin"],
  // Threads; lib/messaging/policy.ts adds the per-thread and per-recipient rules.
  "threads:take-part": ["student", "teacher", "cs_rep", "admin"],
  "threads:start-with-own-teachers": ["student"],
  "threads:start-with-staff": ["teacher", "cs_rep", "admin"],
  "threads:start-with-anyone": ["cs_rep", "admin"],
  // Visitor chat; lib/visitor-chat adds who holds a conversation.
  "visitors:serve": ["cs_rep", "admin"],
  "visitors:take-over": ["admin"],
  "visitors:configure": ["admin"],
  // Meetings; lib/meetings/policy.ts adds who may meet whom and per-meeting rules.
  "meetings:take-part": ["student", "teacher", "cs_rep", "admin"],
  "meetings:schedule-with-anyone": ["cs_rep", "admin"],
  // Book inside the minimum notice, or change a meeting inside a student's window (audited).
  "meetings:override-windows": ["cs_rep", "admin"],
  // Announcements: admins write them; everyone reads those meant for them (lib/announcements/audience.ts).
  "announcements:write": ["admin"],
  "announcements:read": ["student", "teacher", "cs_rep", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = permissions[permission] ?? [];
  return allowed.includes(actor.role);
}
