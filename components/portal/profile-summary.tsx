import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { getOwnProfile } from "@/lib/profiles/queries";
import { initialsOf } from "@/lib/profiles/schemas";
import { roleLabel } from "@/lib/auth/roles";

type OwnProfile = Awaited<ReturnType<typeof getOwnProfile>>;

export function ProfileSummary({ data }: { data: OwnProfile }) {
  const { profile } = data;
  const roleDetail =
    data.role === "student"
      ? [profile.school, profile.level].filter(Boolean).join(" · ")
      : data.role === "teacher"
        ? profile.subjects.join(", ")
        : (profile.title ?? "");
  return (
    <Card title="Your profile" actions={<Link href="/profile" className="text-sm text-brand-700 underline">Edit profile</Link>}>
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="inline-flex h-14 w-14 items-center justify-center rounded-full bg-brand-100 text-lg font-semibold text-brand-900">
          {initialsOf(profile.fullName)}
        </span>
        <dl className="grid gap-1 text-sm">
          <div>
            <dt className="sr-only">Name</dt>
            <dd className="text-base font-medium">{profile.fullName}</dd>
          </div>
          <div>
            <dt className="sr-only">Public ID and role</dt>
            <dd className="text-slate-600">
              <span data-testid="public-id">{profile.publicId}</span> · {roleLabel[data.role]}
            </dd>
          </div>
          {roleDetail ? (
            <div>
              <dt className="sr-only">Details</dt>
              <dd className="text-slate-600">{roleDetail}</dd>
            </div>
          ) : null}
          <div>
            <dt className="sr-only">Time zone</dt>
            <dd className="text-slate-500">Time zone: {profile.timeZone}</dd>
          </div>
        </dl>
      </div>
    </Card>
  );
}
