import type { Role } from "@/db/schema";

export type { Role };

/** Each role's area of the portal; the URL prefix is the area. */
export const roleHome: Record<Role, string> = {
  student: "/student",
  teacher: "/teacher",
  cs_rep: "/support",
  admin: "/admin",
};

export const roleLabel: Record<Role, string> = {
  student: "Student",
  teacher: "Teacher",
  cs_rep: "CS rep",
  admin: "Admin",
};

export const staffRoles = ["teacher", "cs_rep", "admin"] as const satisfies readonly Role[];

export function areaRoleForPath(pathname: string): Role | undefined {
  for (const [role, home] of Object.entries(roleHome) as [Role, string][]) {
    if (pathname === home || pathname.startsWith(`${home}/`)) return role;
  }
  return undefined;
}

/** Only same-site paths, so `next` cannot send a user to another origin after sign-in. */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return undefined;
  return next;
}
