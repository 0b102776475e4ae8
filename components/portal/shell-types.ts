import type { Role } from "@/lib/auth/roles";
import type { AnnouncementView } from "@/lib/announcements/queries";
import type { RealtimeClientConfig } from "@/lib/realtime/config";

/** What the shell shows of the signed-in user: plain data, loaded by app/(portal)/shell-data.ts. */
export type ShellUser = {
  id: string;
  name: string;
  email: string;
  initials: string;
  role: Role;
  roleLabel: string;
  publicId: string | null;
  /** The user's own area: where the logo and "Back to your home" lead. */
  homeHref: string;
};

export type ShellData = {
  user: ShellUser;
  unread: number;
  /** Threads with unread messages: the Messages badge, right on the first paint. */
  unreadThreads: number;
  /** Chat visitors waiting for a CS rep (staff only; 0 for others): the Visitors badge's first paint. */
  waitingVisitors: number;
  sidebarCollapsed: boolean;
  /** Announcements shown as banners above every page until dismissed or expired (body already sanitized). */
  banners: AnnouncementView[];
  realtime: RealtimeClientConfig | null;
};
