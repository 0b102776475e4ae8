import { describe, expect, it } from "vitest";
import { fieldLabel, metadataLine, readableMetadata } from "./metadata";
import { auditTargetHref } from "./targets";

describe("audit details as a person reads them", () => {
  it("reads from/to as one before → after, with instants in the reader's zone", () => {
    expect(readableMetadata({ from: "2026-03-10T15:00:00.000Z", to: "2026-03-12T15:00:00.000Z", reason: "Ill" }, "Europe/Paris", "assignment.due_date_extended")).toEqual({
      changes: [{ field: "Due date", before: "2026-03-10 16:00:00", after: "2026-03-12 16:00:00" }],
      details: [{ field: "Reason", value: "Ill" }],
    });
    expect(readableMetadata({ from: "approved", to: "partially_refunded" }, "UTC", "refund.applied").changes).toEqual([{ field: "Status", before: "approved", after: "partially_refunded" }]);
    expect(readableMetadata({ from: "a", to: "b" }, "UTC").changes).toEqual([{ field: "Value", before: "a", after: "b" }]);
  });

  it("reads before/after objects field by field, listing only what differs", () => {
    const read = readableMetadata({ before: { title: "Old", pinned: false, audience: "students" }, after: { title: "New", pinned: true, audience: "students", expiresAt: null }, id: 7 }, "UTC");
    expect(read.changes).toEqual([
      { field: "Title", before: "Old", after: "New" },
      { field: "Pinned", before: "No", after: "Yes" },
    ]);
    expect(read.details).toEqual([{ field: "Id", value: "7" }]);
  });

  it("names fields in words and shows nested values as JSON", () => {
    expect(fieldLabel("dueAt")).toBe("Due at");
    expect(fieldLabel("payment_id")).toBe("Payment id");
    expect(metadataLine({ changed: ["greeting", "hours"], filters: { action: "user.created" }, note: "" }, "UTC")).toBe('Changed: greeting, hours; Filters: {"action":"user.created"}; Note: —');
  });
});

describe("audit target links", () => {
  it("sends an admin to each target's own page, and nowhere for what has none", () => {
    const id = "3f2b6c1e-8a4d-4f7e-9b2a-1c3d5e7f9a0b";
    expect(auditTargetHref("assignment", id)).toBe(`/admin/assignments/${id}`);
    expect(auditTargetHref("invoice", id)).toBe(`/admin/invoices/${id}`);
    expect(auditTargetHref("user", id, "STU-000012")).toBe("/admin/users?q=STU-000012");
    expect(auditTargetHref("user", id)).toBeNull();
    expect(auditTargetHref("meeting", id)).toBe(`/meetings/${id}`);
    expect(auditTargetHref("thread", id)).toBe(`/messages/${id}`);
    expect(auditTargetHref("visitor_session", id)).toBe(`/admin/visitors/${id}`);
    expect(auditTargetHref("announcement", id)).toBe(`/admin/announcements/${id}`);
    expect(auditTargetHref("visitor_chat_settings", null)).toBe("/admin/settings/widget");
    expect(auditTargetHref("webhook_event", "stripe:evt_1/../x")).toBeNull();
    expect(auditTargetHref("assignment", "../../etc")).toBe("/admin/assignments/..%2F..%2Fetc");
  });
});
