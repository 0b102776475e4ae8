import type { ReadableMetadata } from "@/lib/audit/metadata";

/** An audit row's metadata: each change as before → after, then the other details. */
export function AuditDetails({ details }: { details: ReadableMetadata }) {
  if (details.changes.length === 0 && details.details.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <dl className="grid max-w-md gap-0.5 text-xs [overflow-wrap:anywhere]">
      {details.changes.map((change, index) => (
        <div key={`c${index}`} className="flex flex-wrap gap-x-1">
          <dt className="font-medium text-slate-800">{change.field}:</dt>
          <dd>
            <del className="text-slate-600">{change.before}</del> <span aria-hidden="true">→</span>
            <span className="sr-only">changed to</span> <ins className="font-medium text-slate-900 no-underline">{change.after}</ins>
          </dd>
        </div>
      ))}
      {details.details.map((detail, index) => (
        <div key={`d${index}`} className="flex flex-wrap gap-x-1">
          <dt className="font-medium text-slate-800">{detail.field}:</dt>
          <dd className="text-slate-700">{detail.value}</dd>
        </div>
      ))}
    </dl>
  );
}
