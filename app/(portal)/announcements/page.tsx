import type { Metadata } from "next";
import { Megaphone, SearchX } from "lucide-react";
import { AnnouncementList } from "@/components/announcements/announcement-list";
import { AnnouncementSearch } from "@/components/announcements/announcement-search";
import { ListTotal } from "@/components/assignments/assignment-list";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listAnnouncements } from "@/lib/announcements/queries";
import { announcementListSchema } from "@/lib/announcements/schemas";
import { requireUser } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Announcements" };

export default async function AnnouncementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const query = announcementListSchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [list, own] = await Promise.all([listAnnouncements(db, actor, query), getOwnProfile(db, actor)]);
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageHeader title="Announcements" description="News for you from the team, newest first. Closing a banner does not remove it from here." />
      <AnnouncementSearch action="/announcements" q={query.q} />
      <ListTotal total={list.total} noun="announcement" />
      {list.rows.length > 0 ? (
        <AnnouncementList rows={list.rows} timeZone={own.profile.timeZone} />
      ) : (
        <EmptyState icon={query.q ? <SearchX /> : <Megaphone />} title={query.q ? "No announcements match" : "No announcements yet"}>
          {query.q ? `Nothing matches “${query.q}”. Try other words.` : "Announcements from the team will show up here."}
        </EmptyState>
      )}
      <Pagination page={list.page} pageCount={pageCount} href={(page) => listHref("/announcements", { q: query.q, page })} />
    </>
  );
}
