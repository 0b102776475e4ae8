import { callJsonApi, type ApiResult } from "@/components/json-api";
import type { InviteeAvailability, InviteeOption } from "@/lib/meetings/types";

/** InviteeAvailability as JSON carries its instants as ISO strings; these bring back the Dates. */
type AvailabilityJson = { inviteeTimeZone: string; busy: { startsAt: string; endsAt: string; who: "invitee" | "me" }[]; suggestions: { startLocal: string; startsAt: string }[] };

export type AvailabilityQuery = { inviteeId: string; date: string; timeZone: string; durationMinutes: number };

export const meetingApi = {
  invitees(q: string, signal?: AbortSignal): Promise<ApiResult<InviteeOption[]>> {
    return callJsonApi<InviteeOption[]>(`/api/meetings/invitees?q=${encodeURIComponent(q)}`, { signal });
  },
  async availability(query: AvailabilityQuery, signal?: AbortSignal): Promise<ApiResult<InviteeAvailability>> {
    const params = new URLSearchParams({ inviteeId: query.inviteeId, date: query.date, timeZone: query.timeZone, durationMinutes: String(query.durationMinutes) });
    const result = await callJsonApi<AvailabilityJson>(`/api/meetings/availability?${params}`, { signal });
    if (!result.ok) return result;
    const data = result.data;
    return {
      ...result,
      data: {
        inviteeTimeZone: data.inviteeTimeZone,
        busy: data.busy.map((b) => ({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt), who: b.who })),
        suggestions: data.suggestions.map((s) => ({ startLocal: s.startLocal, startsAt: new Date(s.startsAt) })),
      },
    };
  },
};
