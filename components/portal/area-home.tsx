import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/card";
import type { getOwnProfile } from "@/lib/profiles/queries";
import { ProfileSummary } from "./profile-summary";

type OwnProfile = Awaited<ReturnType<typeof getOwnProfile>>;

type Props = { profile: OwnProfile; title: string; description: string; actions?: ReactNode; /** Full width under the header: the dashboard's counts. */ top?: ReactNode; children?: ReactNode };

/**
 * The home of the student, teacher and CS rep areas: what waits for the viewer first (each
 * module's cards, loaded by the page), the profile beside it (below it on a phone).
 */
export function AreaHome({ profile, title, description, actions, top, children }: Props) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {top}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">{children}</div>
        <div className="min-w-0">
          <ProfileSummary data={profile} />
        </div>
      </div>
    </>
  );
}
