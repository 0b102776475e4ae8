import type { Role } from "@/lib/auth/roles";

/** Names of the lucide icons the shell draws (kept as data so this file stays plain, importable anywhere). */
export type NavIcon = "home" | "queue" | "assignments" | "messages" | "visitors" | "invoices" | "approvals" | "payments" | "users" | "settings" | "notifications" | "profile" | "meetings" | "announcements" | "audit";

/** A live count drawn beside the item; "messages" is threads with unread messages, "visitors" chat visitors nobody has taken yet. */
export type NavBadge = "messages" | "visitors";

export type NavItem = { href: string; label: string; icon: NavIcon; badge?: NavBadge };

// Shared by every area, like notifications: one inbox whatever the role.
const messages: NavItem = { href: "/messages", label: "Messages", icon: "messages", badge: "messages" };
const meetings: NavItem = { href: "/meetings", label: "Meetings", icon: "meetings" };
export type NavGroup = { label: string; items: NavItem[] };

// Only sections that work are listed; later modules add theirs here.
export const navigationFor: Record<Role, NavGroup[]> = {
  student: [
    {
      label: "Work",
      items: [
        { href: "/student", label: "Home", icon: "home" },
        { href: "/student/assignments", label: "Assignments", icon: "assignments" },
        messages,
        meetings,
      ],
    },
    {
      label: "Money",
      items: [
        { href: "/student/invoices", label: "Invoices", icon: "invoices" },
        { href: "/student/payments", label: "Payments", icon: "payments" },
      ],
    },
  ],
  teacher: [
    {
      label: "Work",
      items: [
        { href: "/teacher", label: "Home", icon: "home" },
        { href: "/teacher/assignments", label: "Assignments", icon: "assignments" },
        messages,
        meetings,
      ],
    },
  ],
  cs_rep: [
    {
      label: "Work",
      items: [
        { href: "/support", label: "Home", icon: "home" },
        { href: "/support/queue", label: "Queue", icon: "queue" },
        { href: "/support/assignments", label: "Assignments", icon: "assignments" },
        messages,
        meetings,
        { href: "/support/visitors", label: "Visitors", icon: "visitors", badge: "visitors" },
      ],
    },
    {
      label: "Money",
      items: [
        { href: "/support/invoices", label: "Invoices", icon: "invoices" },
        { href: "/support/payments", label: "Payments", icon: "payments" },
      ],
    },
  ],
  admin: [
    {
      label: "Work",
      items: [
        { href: "/admin", label: "Home", icon: "home" },
        { href: "/admin/queue", label: "Queue", icon: "queue" },
        { href: "/admin/assignments", label: "Assignments", icon: "assignments" },
        messages,
        meetings,
        { href: "/admin/visitors", label: "Visitors", icon: "visitors", badge: "visitors" },
      ],
    },
    {
      label: "Money",
      items: [
        { href: "/admin/invoices", label: "Invoices", icon: "invoices" },
        { href: "/admin/invoices/approvals", label: "Approvals", icon: "approvals" },
        { href: "/admin/payments", label: "Payments", icon: "payments" },
      ],
    },
    {
      label: "Admin",
      items: [
        { href: "/admin/users", label: "Users", icon: "users" },
        { href: "/admin/announcements", label: "Manage announcements", icon: "announcements" },
        { href: "/admin/settings/widget", label: "Widget", icon: "settings" },
        { href: "/admin/audit", label: "Audit log", icon: "audit" },
      ],
    },
  ],
};

export const accountNavigation: NavItem[] = [
  { href: "/announcements", label: "Announcements", icon: "announcements" },
  { href: "/notifications", label: "Notifications", icon: "notifications" },
  { href: "/profile", label: "Profile", icon: "profile" },
];

/** The role's groups plus the shared Account group, as the sidebar and the drawer show them. */
export function navigationGroups(role: Role): NavGroup[] {
  return [...navigationFor[role], { label: "Account", items: accountNavigation }];
}

/**
 * The item for a path: the longest href that is the path or a parent of it, so
 * /admin/invoices/approvals marks Approvals and /admin/invoices/<id> marks Invoices.
 */
export function currentItem(groups: NavGroup[], pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of groups.flatMap((g) => g.items)) {
    const matches = pathname === item.href || pathname.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best;
}
