import { cache } from "react";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { activeBanners } from "@/lib/announcements/queries";
import type { Actor } from "@/lib/auth/actor";
import { roleHome, roleLabel } from "@/lib/auth/roles";
import { countUnreadThreads } from "@/lib/messaging/queries";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { countWaitingVisitors } from "@/lib/visitor-chat/queue-queries";
import { getOwnProfile } from "@/lib/profiles/queries";
import { initialsOf } from "@/lib/profiles/schemas";
import { realtimeConfig } from "@/lib/realtime/config";
import type { ShellData } from "@/components/portal/shell-types";
import { SIDEBAR_COOKIE } from "@/components/portal/sidebar-state";

/**
 * Everything the app shell shows, for the portal layout and the root 404/403 pages alike. Once per
 * request: Next renders the 404 and 403 fallbacks (each in a shell) beside every page.
 */
export const loadShellData = cache(async (actor: Actor): Promise<ShellData> => {
  const db = getDb();
  const [unread, unreadThreads, waitingVisitors, own, jar, banners] = await Promise.all([
    countUnreadNotifications(db, actor),
    countUnreadThreads(db, actor),
    countWaitingVisitors(db, actor),
    // The public id is a nicety in the avatar menu; the shell must render without it.
    getOwnProfile(db, actor).catch(() => null),
    cookies(),
    // Banners are a nicety too: a failure there must not take the shell down.
    activeBanners(db, actor).catch(() => []),
  ]);
  const name = own?.profile.fullName ?? actor.name;
  return {
    user: {
      id: actor.id,
      name,
      email: actor.email,
      initials: initialsOf(name),
      role: actor.role,
      roleLabel: roleLabel[actor.role],
      publicId: own?.profile.publicId ?? null,
      homeHref: roleHome[actor.role],
    },
    unread,
    unreadThreads,
    waitingVisitors,
    sidebarCollapsed: jar.get(SIDEBAR_COOKIE)?.value === "1",
    banners,
    realtime: realtimeConfig()?.client ?? null,
  };
});
