import { getDb } from "@/db/client";
import { RequestForm } from "@/components/assignments/request-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { getOwnProfile } from "@/lib/profiles/queries";
import { timeZoneOptions } from "@/lib/time-zones";

export const metadata = { title: "Request new assignment" };

export default async function NewAssignmentPage() {
  const actor = await requireRole("student");
  const { profile } = await getOwnProfile(getDb(), actor);
  return (
    <>
      <PageHeader title="Request new assignment" description="Tell us what you need; a CS rep matches a teacher to it." />
      <Card>
        <RequestForm timeZones={timeZoneOptions(profile.timeZone)} timeZone={profile.timeZone} maxBytes={serverEnv().UPLOAD_MAX_BYTES} />
      </Card>
    </>
  );
}
