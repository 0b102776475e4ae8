import { getDb } from "@/db/client";
import { RequestForm } from "@/components/assignments/request-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { briefLimitsHint } from "@/lib/assignments/brief-cap";
import { needsEmailVerification } from "@/lib/auth/email-verification";
import { requireRole } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { getOwnProfile } from "@/lib/profiles/queries";
import { timeZoneOptions } from "@/lib/time-zones";

export const metadata = { title: "Request new assignment" };

export default async function NewAssignmentPage() {
  const actor = await requireRole("student");
  const { profile } = await getOwnProfile(getDb(), actor);
  // The service refuses an unconfirmed student too; saying so here saves filling the form (and uploading) for nothing.
  if (await needsEmailVerification(getDb(), actor)) {
    return (
      <>
        <PageHeader title="Request new assignment" description="Tell us what you need; a CS rep matches a teacher to it." />
        <EmptyState title="Confirm your email first">Open the link we sent to {actor.email}, or send a new one from the notice above. Then come back here.</EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Request new assignment" description="Tell us what you need; a CS rep matches a teacher to it." />
      <Card>
        <RequestForm timeZones={timeZoneOptions(profile.timeZone)} timeZone={profile.timeZone} maxBytes={serverEnv().UPLOAD_MAX_BYTES} limitsNote={briefLimitsHint} />
      </Card>
    </>
  );
}
