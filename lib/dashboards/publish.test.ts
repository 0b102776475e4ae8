import { beforeEach, describe, expect, it, vi } from "vitest";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { channels, events } from "@/lib/realtime/channels";
import type { RealtimeEvent } from "@/lib/realtime/publish";
import { assignTeachers } from "@/lib/assignments/assign-teachers";
import { submitForApproval } from "@/lib/invoices/submit-for-approval";
import { assignmentIn, createTeam, must, ref } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn, invoiceRef } from "@/test/invoice-fixtures";

const published = vi.hoisted(() => [] as RealtimeEvent[]);
vi.mock("@/lib/realtime/publish", () => ({
  publishAfterCommit: async (batch: readonly RealtimeEvent[]) => void published.push(...batch),
}));

beforeEach(() => {
  published.length = 0;
});

const dashboardEvents = () => published.filter((event) => event.name === events.dashboardChanged).map((event) => `${event.channel} ${JSON.stringify(event.data)}`);

describe("staff dashboards hear of the changes that move their counts", () => {
  it("a teacher assigned, an invoice submitted: one event for CS reps and one for admins, after commit", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const request = await assignmentIn(db, team, "submitted");
    published.length = 0;
    must(await assignTeachers(db, team.rep, { ...(await ref(db, request.id)), primaryTeacherId: team.teacher.id, helperIds: [] }));
    expect(dashboardEvents()).toEqual([`${channels.role("cs_rep")} {"area":"assignments"}`, `${channels.role("admin")} {"area":"assignments"}`]);

    const { id } = await invoiceIn(db, team, "draft");
    published.length = 0;
    must(await submitForApproval(db, team.rep, await invoiceRef(db, id)));
    expect(dashboardEvents()).toEqual([`${channels.role("cs_rep")} {"area":"invoices"}`, `${channels.role("admin")} {"area":"invoices"}`]);
  });

  it("a refused change publishes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const request = await assignmentIn(db, team, "submitted");
    published.length = 0;
    const stale = { assignmentId: request.id, expectedVersion: 999 };
    expect((await assignTeachers(db, team.rep, { ...stale, primaryTeacherId: team.teacher.id, helperIds: [] })).ok).toBe(false);
    expect(dashboardEvents()).toEqual([]);
  });

  it("only that role's people may listen on a staff role channel", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    expect(await authorizeChannel(db, team.rep, channels.role("cs_rep"))).toEqual({ allowed: true });
    expect(await authorizeChannel(db, team.admin, channels.role("admin"))).toEqual({ allowed: true });
    expect(await authorizeChannel(db, team.teacher, channels.role("cs_rep"))).toEqual({ allowed: false });
    expect(await authorizeChannel(db, team.student, channels.role("admin"))).toEqual({ allowed: false });
    expect(await authorizeChannel(db, team.rep, channels.role("admin"))).toEqual({ allowed: false });
  });
});
