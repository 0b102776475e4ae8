import type { Metadata } from "next";
import { BellOff } from "lucide-react";
import Link from "next/link";
import { MarkAllReadButton } from "@/components/notifications/mark-read-buttons";
import { NotificationList } from "@/components/notifications/notification-list";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function FilterLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
        active ? "bg-background text-foreground shadow-sm" : "text-slate-700 hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireUser();
  const sp = await searchParams;
  const unreadOnly = first(sp.unread) === "1";
  const before = first(sp.before);
  const db = getDb();
  const [{ items, nextCursor }, unread] = await Promise.all([listNotifications(db, actor, { before, unreadOnly }), countUnreadNotifications(db, actor)]);
  const base = unreadOnly ? "/notifications?unread=1" : "/notifications";
  const olderHref = nextCursor ? `${base}${unreadOnly ? "&" : "?"}before=${encodeURIComponent(nextCursor)}` : undefined;
  return (
    <>
      <PageHeader title="Notifications" description="Updates about your account and your work. Open one to go to what it is about." actions={<MarkAllReadButton unread={unread} />} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Filter notifications" className="inline-flex items-center gap-1 rounded-lg bg-muted p-[3px]">
          <FilterLink href="/notifications" active={!unreadOnly}>
            All
          </FilterLink>
          <FilterLink href="/notifications?unread=1" active={unreadOnly}>
            Unread
          </FilterLink>
        </nav>
        <p role="status" aria-live="polite" className="text-sm text-muted-foreground" data-testid="unread-total">
          {unread === 1 ? "1 unread" : `${unread} unread`}
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState icon={<BellOff />} title={before ? "Nothing older" : unreadOnly ? "You're all caught up" : "No notifications yet"}>
          {before ? "You have reached the end of the list." : unreadOnly ? "Nothing unread. New notifications will show up here." : "We will let you know here when something needs your attention."}
        </EmptyState>
      ) : (
        <NotificationList items={items} now={new Date()} />
      )}
      {before || olderHref ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {before ? (
            <Link href={base} className={buttonClass("ghost")}>
              Back to the newest
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className={buttonClass("outline")}>
              Load older
            </Link>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
