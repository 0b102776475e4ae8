import type { Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string };

// Only sections that work are listed; later modules add theirs here.
export const navigationFor: Record<Role, NavItem[]> = {
  student: [
    { href: "/student", label: "Home" },
    { href: "/student/assignments", label: "Assignments" },
    { href: "/student/invoices", label: "Invoices" },
    { href: "/student/payments", label: "Payments" },
  ],
  teacher: [
    { href: "/teacher", label: "Home" },
    { href: "/teacher/assignments", label: "Assignments" },
  ],
  cs_rep: [
    { href: "/support", label: "Home" },
    { href: "/support/queue", label: "Queue" },
    { href: "/support/assignments", label: "Assignments" },
    { href: "/support/invoices", label: "Invoices" },
    { href: "/support/payments", label: "Payments" },
  ],
  admin: [
    { href: "/admin", label: "Home" },
    { href: "/admin/users", label: "Users" },
    { href: "/admin/queue", label: "Queue" },
    { href: "/admin/assignments", label: "Assignments" },
    { href: "/admin/invoices", label: "Invoices" },
    { href: "/admin/invoices/approvals", label: "Approvals" },
    { href: "/admin/payments", label: "Payments" },
  ],
};

export const accountNavigation: NavItem[] = [
  { href: "/notifications", label: "Notifications" },
  { href: "/profile", label: "Profile" },
];
