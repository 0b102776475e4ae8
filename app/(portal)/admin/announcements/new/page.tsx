import type { Metadata } from "next";
import Link from "next/link";
import { AnnouncementForm } from "@/components/announcements/announcement-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "New announcement" };

export default async function NewAnnouncementPage() {
  const actor = await requireRole("admin");
  const own = await getOwnProfile(getDb(), actor);
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/admin/announcements" className="text-brand-700 underline">
          ← Back to announcements
        </Link>
      </p>
      <PageHeader title="New announcement" description="Shown as a banner until each person closes it or it expires, and listed on everyone's Announcements page." />
      <Card className="max-w-3xl">
        <AnnouncementForm timeZone={own.profile.timeZone} />
      </Card>
    </>
  );
}
