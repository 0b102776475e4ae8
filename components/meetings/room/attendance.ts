/**
 * Tells the server we entered or left the room (POST /api/meetings/{id}/attendance). On pagehide a
 * beacon, which the browser still sends as the page goes away; otherwise a keepalive fetch.
 */
export function reportAttendance(meetingId: string, event: "join" | "leave", options: { beacon?: boolean } = {}): void {
  const url = `/api/meetings/${meetingId}/attendance`;
  const body = JSON.stringify({ event });
  if (options.beacon && typeof navigator.sendBeacon === "function" && navigator.sendBeacon(url, new Blob([body], { type: "application/json" }))) return;
  void fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true, credentials: "same-origin" }).catch(() => {
    // Attendance is a record, not part of the call: a lost report must not disturb it.
  });
}
