import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { CalendarFeedForm } from "@/components/meetings/calendar-feed-form";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { EmailPreferencesForm } from "@/components/profile/email-preferences-form";
import { ProfileForm, type ProfileValues } from "@/components/profile/profile-form";
import { ProfileSummary } from "@/components/profile/profile-summary";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { hasCalendarFeed } from "@/lib/meetings/calendar-feed";
import { listEmailPreferences } from "@/lib/notifications/email-preferences";
import { getOwnProfile } from "@/lib/profiles/queries";
import { timeZoneOptions } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const passwordChanged = (await searchParams).passwordChanged === "1";
  const { profile, email, role, createdAt } = await getOwnProfile(getDb(), actor);
  const [emailPreferences, calendarFeed] = await Promise.all([listEmailPreferences(getDb(), actor), hasCalendarFeed(getDb(), actor)]);
  const values: ProfileValues = {
    fullName: profile.fullName,
    phone: profile.phone ?? "",
    timeZone: profile.timeZone,
    school: profile.school ?? "",
    level: profile.level ?? "",
    subjects: profile.subjects.join(", "),
    bio: profile.bio ?? "",
    availabilityNote: profile.availabilityNote ?? "",
    title: profile.title ?? "",
  };
  return (
    <>
      <PageHeader title="Profile" description="Your account details, password and email notifications." />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
        <ProfileSummary fullName={profile.fullName} publicId={profile.publicId} email={email} role={role} createdAt={createdAt} timeZone={profile.timeZone} />
        <div className="space-y-6">
          <Card title="Edit profile">
            <ProfileForm role={role} initial={values} timeZones={timeZoneOptions(profile.timeZone)} />
          </Card>
          <Card title="Change password">
            {passwordChanged ? (
              <p role="status" data-testid="form-success" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
                Password changed. Your other sessions have been signed out.
              </p>
            ) : null}
            <ChangePasswordForm email={email} />
          </Card>
          {emailPreferences.length > 0 ? (
            <Card title="Email notifications" id="email-notifications" className="scroll-mt-20">
              <EmailPreferencesForm email={email} preferences={emailPreferences} />
            </Card>
          ) : null}
          <Card title="Calendar feed" id="calendar-feed" className="scroll-mt-20">
            <CalendarFeedForm exists={calendarFeed} />
          </Card>
        </div>
      </div>
    </>
  );
}
