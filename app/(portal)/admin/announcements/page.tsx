import type { Metadata } from "next";
import { Megaphone, Plus, SearchX } from "lucide-react";
import Link from "next/link";
import { AdminAnnouncementTable } from "@/components/announcements/admin-announcement-table";
import { ListTotal } from "@/components/assignments/assignment-list";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ListToolbar } from "@/components/ui/list-toolbar";
import { getDb } from "@/db/client";
import { listAnnouncementsForAdmin } from "@/lib/announcements/queries";
import { adminAnnouncementListSchema, type AdminAnnouncementListQuery } from "@/lib/announcements/schemas";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Manage announcements" };

const tabs: { state: AdminAnnouncementListQuery["state"]; label: string }[] = [
  { state: "all", label: "All" },
  { state: "live", label: "Live" },
  { state: "scheduled", label: "Scheduled" },
  { state: "ended", label: "Ended" },
];

const hrefOf = (state: AdminAnnouncementListQuery["state"], q: string, page = 1) => listHref("/admin/announcements", { state: state === "all" ? undefined : state, q, page });

export default async function AdminAnnouncementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("admin");
  const query = adminAnnouncementListSchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [list, own] = await Promise.all([listAnnouncementsForAdmin(db, actor, query), getOwnProfile(db, actor)]);
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageHeader
        title="Manage announcements"
        description="Banners and bell notifications for everyone, a role, or chosen people; now or at a set time."
        actions={
          <Link href="/admin/announcements/new" className={buttonClass("default")}>
            <Plus aria-hidden="true" />
            New announcement
          </Link>
        }
      />
      <ListToolbar
        tabsLabel="Announcements by state"
        tabs={tabs.map((tab) => ({ key: tab.state, label: tab.label, href: hrefOf(tab.state, query.q), current: tab.state === query.state }))}
        search={{ action: "/admin/announcements", id: "admin-announcement-search", label: "Search announcements", placeholder: "Search by title or text", q: query.q, maxLength: 100, keep: query.state !== "all" ? { state: query.state } : {} }}
      />
      <Card>
        <ListTotal total={list.total} noun="announcement" />
        {list.rows.length > 0 ? (
          <AdminAnnouncementTable rows={list.rows} timeZone={own.profile.timeZone} />
        ) : (
          <EmptyState icon={query.q ? <SearchX /> : <Megaphone />} title={query.q ? "No announcements match" : "No announcements here"}>
            {query.q ? `Nothing matches “${query.q}”.` : "Write one with New announcement."}
          </EmptyState>
        )}
        <Pagination page={list.page} pageCount={pageCount} href={(page) => hrefOf(query.state, query.q, page)} />
      </Card>
    </>
  );
}
