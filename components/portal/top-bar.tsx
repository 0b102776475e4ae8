"use client";

import { ChevronRight } from "lucide-react";
import { usePathname } from "next/navigation";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { currentItem, navigationGroups } from "./navigation";
import { NotificationBell } from "./notification-bell";
import { SidebarToggle } from "./sidebar-toggle";
import type { ShellUser } from "./shell-types";
import { UserMenu } from "./user-menu";

const areaName = { student: "Student", teacher: "Teacher", cs_rep: "Support", admin: "Admin" } as const;

/** One row at every width: where you are, live-update state, the bell and the avatar menu. */
export function TopBar({ user, unread, sidebarCollapsed, onToggleSidebar }: { user: ShellUser; unread: number; sidebarCollapsed: boolean; onToggleSidebar: () => void }) {
  const pathname = usePathname();
  const section = currentItem(navigationGroups(user.role), pathname);
  return (
    <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-white/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-white/80 sm:px-6">
      <MobileNav role={user.role} homeHref={user.homeHref} />
      <Logo href={user.homeHref} className="lg:hidden" />
      <SidebarToggle collapsed={sidebarCollapsed} onToggle={onToggleSidebar} />
      <span aria-hidden="true" className="hidden h-5 w-px bg-border lg:block" />
      <p className="hidden min-w-0 items-center gap-1.5 text-sm lg:flex" data-testid="page-area">
        <span className="text-slate-500">{areaName[user.role]}</span>
        {section ? (
          <>
            <ChevronRight aria-hidden="true" className="size-3.5 text-slate-400" />
            <span className="truncate font-medium text-slate-900">{section.label}</span>
          </>
        ) : null}
      </p>
      <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
        <ConnectionIndicator />
        <NotificationBell initialUnread={unread} />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
