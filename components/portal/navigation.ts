import type { Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string };

// Only sections that work are listed; later modules add theirs here.
export const navigationFor: Record<Role, NavItem[]> = {
  student: [{ href: "/student", label: "Home" }],
  teacher: [{ href: "/teacher", label: "Home" }],
  cs_rep: [{ href: "/support", label: "Home" }],
  admin: [
    { href: "/admin", label: "Home" },
    { href: "/admin/users", label: "Users" },
  ],
};

export const accountNavigation: NavItem[] = [
  { href: "/notifications", label: "Notifications" },
  { href: "/profile", label: "Profile" },
];
