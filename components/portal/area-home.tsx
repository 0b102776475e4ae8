import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { getOwnProfile } from "@/lib/profiles/queries";
import { ProfileSummary } from "./profile-summary";

/** The home of the student, teacher and CS rep areas: the profile, and each module's summary card. */
export async function AreaHome({ actor, title, description, children }: { actor: Actor; title: string; description: string; children?: ReactNode }) {
  const data = await getOwnProfile(getDb(), actor);
  return (
    <>
      <PageHeader title={title} description={description} />
      <div className="grid gap-6 lg:grid-cols-2">
        {children}
        <ProfileSummary data={data} />
      </div>
    </>
  );
}
