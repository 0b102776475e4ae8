import { Card } from "@/components/ui/card";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { initialsOf } from "@/lib/profiles/schemas";

type Props = { fullName: string; publicId: string; email: string; role: Role; createdAt: Date; timeZone: string };

export function ProfileSummary({ fullName, publicId, email, role, createdAt, timeZone }: Props) {
  const since = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(createdAt);
  return (
    <Card title="Account">
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="inline-flex h-16 w-16 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xl font-semibold text-brand-900">
          {initialsOf(fullName)}
        </span>
        <p className="min-w-0 text-lg font-semibold break-words">{fullName}</p>
      </div>
      <dl className="mt-4 space-y-3 text-sm">
        <div>
          <dt className="text-slate-500">Public ID</dt>
          <dd className="font-mono" data-testid="public-id">{publicId}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Email</dt>
          <dd className="break-all">{email}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Role</dt>
          <dd>{roleLabel[role]}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Member since</dt>
          <dd>
            <time dateTime={createdAt.toISOString()}>{since}</time>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
