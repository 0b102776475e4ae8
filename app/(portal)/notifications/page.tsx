import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { MarkAllReadButton } from "@/components/notifications/mark-read-buttons";
import { NotificationList } from "@/components/notifications/notification-list";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requireUser } from "@/lib/auth/session";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireUser();
  const sp = await searchParams;
  const unreadOnly = first(sp.unread) === "1";
  const before = first(sp.before);
  const db = getDb();
  const [{ items, nextCursor }, unread, own] = await Promise.all([
    listNotifications(db, actor, { before, unreadOnly }),
    countUnreadNotifications(db, actor),
    getOwnProfile(db, actor),
  ]);
  const base = unreadOnly ? "/notifications?unread=1" : "/notifications";
  const olderHref = nextCursor ? `${base}${unreadOnly ? "&" : "?"}before=${encodeURIComponent(nextCursor)}` : undefined;
  const tab = (active: boolean) => cn("rounded-md px-3 py-2 text-sm font-medium", active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100");
  return (
    <>
      <PageHeader title="Notifications" description="Updates about your account and your work." actions={<MarkAllReadButton unread={unread} />} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Filter notifications" className="flex gap-1">
          <Link href="/notifications" className={tab(!unreadOnly)} aria-current={unreadOnly ? undefined : "page"}>
            All
          </Link>
          <Link href="/notifications?unread=1" className={tab(unreadOnly)} aria-current={unreadOnly ? "page" : undefined}>
            Unread
          </Link>
        </nav>
        <p role="status" aria-live="polite" className="text-sm text-slate-600" data-testid="unread-total">
          {unread === 1 ? "1 unread" : `${unread} unread`}
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState title={unreadOnly ? "No unread notifications" : "No notifications yet"}>
          {before ? "There is nothing older." : "We will let you know here when something needs your attention."}
        </EmptyState>
      ) : (
        <NotificationList items={items} now={new Date()} timeZone={own.profile.timeZone} />
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        {before ? (
          <Link href={base} className={buttonClass("ghost")}>
            Back to the newest
          </Link>
        ) : null}
        {olderHref ? (
          <Link href={olderHref} className={buttonClass("secondary")}>
            Load older
          </Link>
        ) : null}
      </div>
    </>
  );
}
