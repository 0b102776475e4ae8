import { Card } from "@/components/ui/card";
import { roleLabel } from "@/lib/auth/roles";
import { statusLabel } from "./labels";
import type { AssignmentDetail } from "@/lib/assignments/types";
import { When } from "./when";

/** Who moved the assignment, from what to what, and when, in the viewer's time zone. */
export function Timeline({ events, timeZone }: { events: AssignmentDetail["timeline"]; timeZone: string }) {
  return (
    <Card title="Timeline">
      <ol data-testid="timeline" className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm">
        {events.map((event) => (
          <li key={event.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" />
            <p>
              <span className="font-medium">{event.actorName ?? "Someone no longer on the platform"}</span>
              {event.actorRole ? <span className="text-slate-500"> ({roleLabel[event.actorRole]})</span> : null}
              {": "}
              {event.fromStatus ? `${statusLabel[event.fromStatus]} → ${statusLabel[event.toStatus]}` : `requested (${statusLabel[event.toStatus]})`}
            </p>
            <p className="text-xs text-slate-500">
              <When at={event.at} timeZone={timeZone} withZone />
            </p>
            {event.note ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{event.note}</p> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
