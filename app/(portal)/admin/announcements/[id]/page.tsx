import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { stateBadge } from "@/components/announcements/admin-announcement-table";
import { AnnouncementForm } from "@/components/announcements/announcement-form";
import { MarkdownBody } from "@/components/announcements/markdown-body";
import { UnpublishButton } from "@/components/announcements/unpublish-button";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { instantToZonedTime } from "@/lib/assignments/time-zone";
import { audienceLabel } from "@/lib/announcements/audience-labels";
import { getAnnouncementForAdmin } from "@/lib/announcements/queries";
import { announcementIdSchema } from "@/lib/announcements/schemas";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";
import { formatDateTime } from "@/lib/time/format";

export const metadata: Metadata = { title: "Edit announcement" };

export default async function EditAnnouncementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("admin");
  const { id } = await params;
  if (!announcementIdSchema.safeParse(id).success) notFound();
  const db = getDb();
  const [found, own] = await Promise.all([getAnnouncementForAdmin(db, actor, id), getOwnProfile(db, actor)]);
  if (!found) notFound();
  const { announcement: a, recipients, state, preview } = found;
  const timeZone = own.profile.timeZone;
  const closed = state === "unpublished";
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/admin/announcements" className="text-brand-700 underline">
          ← Back to announcements
        </Link>
      </p>
      <PageHeader
        title={a.title}
        description={`For ${audienceLabel[a.audience].toLowerCase()} · ${a.publishedAt ? `went out ${formatDateTime(a.publishedAt, timeZone)}` : `goes out ${formatDateTime(a.publishAt, timeZone)}`}${a.editedAt ? ` · edited ${formatDateTime(a.editedAt, timeZone)}` : ""}`}
        actions={closed ? null : <UnpublishButton id={a.id} version={a.version} title={a.title} scheduled={state === "scheduled"} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Badge tone={stateBadge[state].tone}>{stateBadge[state].label}</Badge>
        {recipients.length > 0 ? <span className="text-sm text-slate-700">Sent to {recipients.map((r) => `${r.name} (${r.publicId})`).join(", ")}</span> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={closed ? "Unpublished: it can no longer change" : "Edit"}>
          {closed ? null : (
            <AnnouncementForm
              timeZone={timeZone}
              initial={{
                id: a.id,
                version: a.version,
                title: a.title,
                body: a.bodyMarkdown,
                severity: a.severity,
                pinned: a.pinned,
                publishAtLocal: instantToZonedTime(a.publishAt, timeZone),
                expiresAtLocal: a.expiresAt ? instantToZonedTime(a.expiresAt, timeZone) : "",
                published: a.publishedAt !== null,
              }}
            />
          )}
        </Card>
        <Card title="As readers see it">
          <MarkdownBody html={preview} />
        </Card>
      </div>
    </>
  );
}
