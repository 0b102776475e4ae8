import { areaRoleForPath, roleHome, safeNextPath, type Role } from "./roles";

/** Where a user goes after signing in: the page they asked for if it is theirs, else their area. */
export function landingPathFor(role: Role, next: string | undefined, mustChangePassword: boolean): string {
  if (mustChangePassword) return "/change-password";
  const wanted = safeNextPath(next);
  if (wanted && !wanted.startsWith("/login") && !wanted.startsWith("/register")) {
    const area = areaRoleForPath(wanted);
    if (area === undefined || area === role) return wanted;
  }
  return roleHome[role];
}
