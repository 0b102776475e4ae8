"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { LiveThreadActivity } from "@/components/messages/live-thread-activity";
import { MessagesBadge } from "@/components/messages/messages-badge";
import { LiveVisitorQueue } from "@/components/visitor-chat/live-visitor-queue";
import { VisitorsBadge } from "@/components/visitor-chat/visitors-badge";
import type { Role } from "@/lib/auth/roles";
import { cn } from "@/components/ui/cn";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { currentItem, navigationGroups, type NavItem } from "./navigation";
import { NavIcon } from "./nav-icon";
import { useShellUser } from "./portal-shell";

/** The grouped navigation, shared by the desktop sidebar and the phone drawer. */
export function SidebarNav({ role, collapsed = false, onNavigate }: { role: Role; collapsed?: boolean; onNavigate?: () => void }) {
  const pathname = usePathname();
  const groups = navigationGroups(role);
  const current = currentItem(groups, pathname);
  const user = useShellUser();
  return (
    <nav aria-label="Main" className="flex flex-col gap-5">
      {/* The desktop sidebar's copy is always mounted (hidden under lg), so it alone listens; the drawer's comes and goes. */}
      {user && !onNavigate ? <LiveThreadActivity userId={user.id} /> : null}
      {user && !onNavigate && (role === "cs_rep" || role === "admin") ? <LiveVisitorQueue /> : null}
      {groups.map((group) => {
        const headingId = `nav-${group.label.toLowerCase()}`;
        return (
          <div key={group.label}>
            {collapsed ? (
              <div aria-hidden="true" className="mx-2 mb-2 h-px bg-border" />
            ) : (
              <p id={headingId} className="px-3 pb-1.5 text-xs font-medium text-slate-500">
                {group.label}
              </p>
            )}
            <ul aria-labelledby={collapsed ? undefined : headingId} aria-label={collapsed ? group.label : undefined} className="grid gap-0.5">
              {group.items.map((item) => (
                <li key={item.href}>
                  <NavLink item={item} active={item === current} collapsed={collapsed} onNavigate={onNavigate} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function NavLink({ item, active, collapsed, onNavigate }: { item: NavItem; active: boolean; collapsed: boolean; onNavigate?: () => void }) {
  const badgeId = useId();
  const link = (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      aria-describedby={item.badge ? badgeId : undefined}
      className={cn(
        "relative flex h-9 items-center gap-3 rounded-md px-3 text-sm font-medium transition-colors",
        collapsed && "justify-center px-0",
        active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
      )}
    >
      <NavIcon name={item.icon} className={cn("size-4 shrink-0", active ? "text-brand-600" : "text-slate-500")} />
      <span className={cn("truncate", collapsed && "sr-only")}>{item.label}</span>
      {item.badge === "messages" ? <MessagesBadge compact={collapsed} describedById={badgeId} /> : null}
      {item.badge === "visitors" ? <VisitorsBadge compact={collapsed} describedById={badgeId} /> : null}
    </Link>
  );
  if (!collapsed) return link;
  // Collapsed to icons: the name stays in the link for screen readers and shows on hover/focus.
  return (
    <Tooltip>
      <TooltipTrigger asChild>{link}</TooltipTrigger>
      <TooltipContent side="right" sideOffset={8}>
        {item.label}
      </TooltipContent>
    </Tooltip>
  );
}
