import type { Metadata } from "next";
import { CalendarClock, Plus, SearchX } from "lucide-react";
import Link from "next/link";
import { ListTotal } from "@/components/assignments/assignment-list";
import { firstValues, Pagination } from "@/components/assignments/pagination";
import { MeetingList } from "@/components/meetings/meeting-list";
import { meetingsHref, MeetingToolbar } from "@/components/meetings/meeting-toolbar";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { listMeetings } from "@/lib/meetings/queries";
import { meetingListSchema } from "@/lib/meetings/schemas";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Meetings" };

const emptyText = {
  upcoming: ["No upcoming meetings", "Meetings you schedule or are invited to show up here."],
  past: ["No past meetings", "Meetings that have ended, been cancelled or declined show up here."],
} as const;

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const query = meetingListSchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [list, own] = await Promise.all([listMeetings(db, actor, query), getOwnProfile(db, actor)]);
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const [emptyTitle, emptyBody] = query.q ? ["No meetings match", `Nothing matches “${query.q}”. Try other words.`] : emptyText[query.when];
  return (
    <>
      <PageHeader
        title="Meetings"
        description="One-to-one calls about your work, in your time zone."
        actions={
          <Link href="/meetings/new" className={buttonClass("default")}>
            <Plus aria-hidden="true" />
            Schedule a meeting
          </Link>
        }
      />
      <MeetingToolbar when={query.when} q={query.q} />
      <Card>
        <ListTotal total={list.total} noun="meeting" />
        {list.rows.length > 0 ? (
          <MeetingList rows={list.rows} timeZone={own.profile.timeZone} />
        ) : (
          <EmptyState icon={query.q ? <SearchX /> : <CalendarClock />} title={emptyTitle}>
            {emptyBody}
          </EmptyState>
        )}
        <Pagination page={list.page} pageCount={pageCount} href={(page) => meetingsHref(query.when, query.q, page)} />
      </Card>
    </>
  );
}
