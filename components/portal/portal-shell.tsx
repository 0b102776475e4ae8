"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { AnnouncementBanners } from "@/components/announcements/announcement-banners";
import { LiveAnnouncements } from "@/components/announcements/live-announcements";
import { LiveNotifications } from "@/components/realtime/live-notifications";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { AppSidebar } from "./app-sidebar";
import type { ShellData, ShellUser } from "./shell-types";
import { SIDEBAR_COOKIE } from "./sidebar-state";
import { SummarySeed } from "./summary-seed";
import { TopBar } from "./top-bar";

// The root 404/403 pages wrap themselves in the shell for signed-in users; when Next renders them
// inside the portal layout instead, this keeps the shell (and its <main>) from nesting.
const InsideShell = createContext(false);
const ShellUserContext = createContext<ShellUser | null>(null);


/** The signed-in user as the shell knows them (null outside the shell), e.g. for an error page's way home. */
export function useShellUser(): ShellUser | null {
  return useContext(ShellUserContext);
}

/** The app shell: sidebar (lg and up) or drawer, top bar, and the page's only <main>. */
export function PortalShell({ data, children }: { data: ShellData; children: ReactNode }) {
  const nested = useContext(InsideShell);
  const [collapsed, setCollapsed] = useState(data.sidebarCollapsed);
  if (nested) return <>{children}</>;
  const { user } = data;
  function toggleSidebar() {
    const next = !collapsed;
    setCollapsed(next);
    // Remembered for a year; read on the server so the first paint already has the right width.
    document.cookie = `${SIDEBAR_COOKIE}=${next ? "1" : "0"}; path=/; max-age=31536000; samesite=lax`;
  }
  return (
    <InsideShell.Provider value={true}>
      <ShellUserContext.Provider value={user}>
        <SummarySeed.Provider value={{ unread: data.unread, unreadThreads: data.unreadThreads, waitingVisitors: data.waitingVisitors }}>
          <RealtimeProvider config={data.realtime}>
            <LiveNotifications userId={user.id} />
            <LiveAnnouncements userId={user.id} role={user.role} />
            <div className="flex min-h-dvh">
              <AppSidebar role={user.role} homeHref={user.homeHref} collapsed={collapsed} />
              <div className="flex min-w-0 flex-1 flex-col">
                <TopBar user={user} unread={data.unread} sidebarCollapsed={collapsed} onToggleSidebar={toggleSidebar} />
                <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8 lg:px-8">
                  <AnnouncementBanners banners={data.banners} />
                  {children}
                </main>
              </div>
            </div>
          </RealtimeProvider>
        </SummarySeed.Provider>
      </ShellUserContext.Provider>
    </InsideShell.Provider>
  );
}
