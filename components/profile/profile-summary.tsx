import { Card } from "@/components/ui/card";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { initialsOf } from "@/lib/profiles/schemas";
import { formatDate, zoneAbbreviation } from "@/lib/time/format";

type Props = { fullName: string; publicId: string; email: string; role: Role; createdAt: Date; timeZone: string };

export function ProfileSummary({ fullName, publicId, email, role, createdAt, timeZone }: Props) {
  const abbreviation = zoneAbbreviation(timeZone, createdAt);
  return (
    <Card className="lg:sticky lg:top-20 lg:self-start">
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="inline-flex size-14 shrink-0 items-center justify-center rounded-full bg-brand-100 text-lg font-semibold text-brand-900">
          {initialsOf(fullName)}
        </span>
        <div className="min-w-0">
          <h2 className="text-lg font-semibold break-words text-slate-900">
            {fullName}
          </h2>
          <p className="text-sm text-slate-600">{roleLabel[role]}</p>
        </div>
      </div>
      <dl className="grid gap-3 border-t pt-4 text-sm">
        <Row label="Public ID">
          <span className="font-mono" data-testid="public-id">
            {publicId}
          </span>
        </Row>
        <Row label="Email">
          <span className="break-all">{email}</span>
        </Row>
        <Row label="Time zone">
          {timeZone.replaceAll("_", " ")}
          {abbreviation !== timeZone ? <span className="text-slate-600"> ({abbreviation})</span> : null}
        </Row>
        <Row label="Member since">
          <time dateTime={createdAt.toISOString()}>{formatDate(createdAt, timeZone)}</time>
        </Row>
      </dl>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 text-right text-slate-900">{children}</dd>
    </div>
  );
}
