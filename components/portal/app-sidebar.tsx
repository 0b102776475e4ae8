"use client";

import type { Role } from "@/lib/auth/roles";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";

/** The desktop (lg and up) sidebar; the top bar's toggle collapses it to icons. */
export function AppSidebar({ role, homeHref, collapsed }: { role: Role; homeHref: string; collapsed: boolean }) {
  return (
    <aside
      id="app-sidebar"
      aria-label="Sidebar"
      data-testid="sidebar"
      data-collapsed={collapsed}
      className={cn("sticky top-0 hidden h-dvh shrink-0 flex-col border-r bg-white transition-[width] duration-200 lg:flex", collapsed ? "w-16" : "w-60")}
    >
      <div className={cn("flex h-14 shrink-0 items-center border-b", collapsed ? "justify-center px-2" : "px-4")}>
        <Logo href={homeHref} compact={collapsed} />
      </div>
      <div className={cn("min-h-0 flex-1 overflow-y-auto py-4", collapsed ? "px-2" : "px-3")}>
        <SidebarNav role={role} collapsed={collapsed} />
      </div>
    </aside>
  );
}
