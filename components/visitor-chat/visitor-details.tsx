import Link from "next/link";
import type { ReactNode } from "react";
import type { VisitorSessionDetail } from "@/lib/visitor-chat/types";
import { formatDateTime } from "@/lib/time/format";
import { VerifiedMark, VisitorStatusBadge } from "./status-badge";
import { shortPage } from "./waiting-time";

/** A browser name from a User-Agent string, roughly: enough for "which browser is this visitor on". */
export function browserOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const found = [
    [/Edg\//, "Edge"],
    [/OPR\//, "Opera"],
    [/Firefox\//, "Firefox"],
    [/Chrome\//, "Chrome"],
    [/Safari\//, "Safari"],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent));
  const os = /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Linux/.test(userAgent) ? "Linux" : null;
  const name = found ? (found[1] as string) : "Browser";
  return os ? `${name} on ${os}` : name;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500">—</span>;

/** Who the visitor is and where they came from; their other conversations (same browser or same email). */
export function VisitorDetails({ session, basePath, timeZone }: { session: VisitorSessionDetail; basePath: string; timeZone: string }) {
  const page = shortPage(session.pageUrl);
  return (
    <div className="grid gap-5" data-testid="visitor-details">
      <dl className="grid gap-3">
        <Row label="Name">
          <span className="inline-flex flex-wrap items-center gap-2">
            {session.name}
            {session.verified ? <VerifiedMark withText /> : null}
          </span>
        </Row>
        {session.verifiedExternalId ? <Row label="Host site user id">{session.verifiedExternalId}</Row> : null}
        <Row label="Email">{session.email ? <a href={`mailto:${session.email}`} className="text-brand-700 underline-offset-2 hover:underline">{session.email}</a> : none}</Row>
        <Row label="Status">
          <span className="inline-flex flex-wrap items-center gap-2">
            <VisitorStatusBadge status={session.status} />
            {session.offline ? <span className="text-xs text-slate-600">Left while nobody was online</span> : null}
          </span>
        </Row>
        {session.closeReason ? <Row label="Close reason">{session.closeReason}</Row> : null}
        <Row label="Page">
          {session.pageUrl && /^https?:\/\//.test(session.pageUrl) ? (
            <a href={session.pageUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline-offset-2 hover:underline">
              {page}
            </a>
          ) : (
            (page ?? none)
          )}
        </Row>
        <Row label="Came from">{session.referrer ? shortPage(session.referrer) : none}</Row>
        <Row label="Their time zone">{session.timeZone ?? none}</Row>
        <Row label="Browser">
          <span title={session.userAgent ?? undefined}>{browserOf(session.userAgent) ?? none}</span>
        </Row>
        <Row label="Started">{formatDateTime(new Date(session.createdAt), timeZone)}</Row>
      </dl>
      <section aria-labelledby="earlier-sessions">
        <h2 id="earlier-sessions" className="text-xs font-medium text-slate-500">
          Other conversations
        </h2>
        {session.earlier.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">None from this browser or email.</p>
        ) : (
          <ul className="mt-1 grid gap-1.5" data-testid="earlier-sessions">
            {session.earlier.map((earlier) => (
              <li key={earlier.id}>
                <Link href={`${basePath}/${earlier.id}`} className="block rounded-md border px-2.5 py-1.5 text-sm hover:bg-slate-50">
                  <span className="flex items-center justify-between gap-2">
                    <span className="text-xs text-slate-500">{formatDateTime(new Date(earlier.createdAt), timeZone)}</span>
                    <VisitorStatusBadge status={earlier.status} />
                  </span>
                  <span className="mt-0.5 block truncate text-slate-800">{earlier.firstMessage ?? "No message"}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
