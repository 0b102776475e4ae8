import { sql } from "drizzle-orm";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { testDb } from "@/test/db";
import { bulkLoad, insertScalePeople, plansOf } from "@/test/scale-plans";
import { auditCsvStream } from "./csv";
import { auditFilterOptions, listAuditLog } from "./queries";
import { auditLogQuerySchema } from "./schemas";

const ROWS = 1_000_000;

let db: Database;
let pool: pg.Pool;
let admin: Actor;
const sample = { actorPublicId: "", actorName: "", targetId: "", targetUserPublicId: "", deepCursor: "" };

// Loaded the way a restore is (as lib/assignments/queries.scale.test.ts does): the secondary
// indexes dropped and rebuilt from their own migrated definitions, triggers and foreign keys
// skipped for this one transaction. A few years of a busy portal: 2,000 people, 40 actions over
// 9 target types, most rows about one of 100,000 targets, some by the system (no actor).
beforeAll(async () => {
  db = await testDb();
  pool = (db as unknown as { $client: pg.Pool }).$client;
  await insertScalePeople(pool, { student: 1700, teacher: 250, cs_rep: 40, admin: 10 }, { namePrefix: "Scale person " });
  await bulkLoad(pool, ["audit_logs"], [
    `with people as (select array_agg(id order by email) ids from users where email like 'scale-%')
       insert into audit_logs (actor_id, action, target_type, target_id, metadata, ip, created_at)
       select case when g % 10 = 0 then null else people.ids[1 + (g::bigint * 7919) % 2000] end,
              (array['assignment','invoice','user','meeting','thread','visitor_session','announcement','webhook_event','visitor_chat_settings'])[1 + g % 9]
                || '.action_' || (g % 40 / 9),
              (array['assignment','invoice','user','meeting','thread','visitor_session','announcement','webhook_event','visitor_chat_settings'])[1 + g % 9],
              case when g % 9 = 2 then people.ids[1 + (g::bigint * 104729) % 2000]::text
                   else md5((g % 100000)::text)::uuid::text end,
              jsonb_build_object('from', 'draft', 'to', 'approved', 'n', g),
              '198.51.100.' || (g % 250),
              now() - (g * 90 || ' seconds')::interval
       from generate_series(1, ${ROWS}) g, people`,
  ]);
  await db.execute(sql`vacuum analyze audit_logs`);
  await db.execute(sql`analyze users`);
  await db.execute(sql`analyze profiles`);
  const [{ id: adminId }] = (await pool.query(`select id from users where email = 'scale-admin-00001@example.test'`)).rows;
  admin = { id: adminId, email: "scale-admin-00001@example.test", role: "admin", name: "Scale", mustChangePassword: false };
  const busy = (await pool.query(`select p.public_id, p.full_name from audit_logs a join profiles p on p.user_id = a.actor_id where a.actor_id is not null limit 1`)).rows[0];
  sample.actorPublicId = busy.public_id;
  sample.actorName = busy.full_name;
  sample.targetId = (await pool.query(`select target_id from audit_logs where target_type = 'invoice' limit 1`)).rows[0].target_id;
  sample.targetUserPublicId = (await pool.query(`select p.public_id from audit_logs a join profiles p on p.user_id::text = a.target_id where a.target_type = 'user' limit 1`)).rows[0].public_id;
  // A page far down the unfiltered log: the cursor of the row 600,000 rows in.
  const { rows } = await pool.query(`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') at, id from audit_logs order by created_at desc, id desc offset 600000 limit 1`);
  sample.deepCursor = Buffer.from(`${rows[0].at}|${rows[0].id}`).toString("base64url");
}, 600_000);

// Only the statements that read the log: the viewer's name lookups go by primary key elsewhere.
const auditReads = { watched: new Set(["audit_logs"]), explains: (query: string) => /audit_logs/.test(query) && !/^insert/i.test(query.trim()) };
const list = (input: () => Record<string, string>) => (d: Database) => listAuditLog(d, admin, auditLogQuerySchema.parse(input()));
const cases: [string, (db: Database) => Promise<unknown>][] = [
  ["the newest page", list(() => ({}))],
  ["a page 600,000 rows down", list(() => ({ cursor: sample.deepCursor }))],
  ["by actor public ID", list(() => ({ actor: sample.actorPublicId }))],
  ["by actor name (many people match)", list(() => ({ actor: "scale person scale-student-01" }))],
  ["by actor email", list(() => ({ actor: "scale-teacher-00042@example.test" }))],
  ["by action", list(() => ({ action: "invoice.action_2" }))],
  ["by target type", list(() => ({ targetType: "visitor_session" }))],
  ["by target id", list(() => ({ target: sample.targetId }))],
  ["by a user's public ID as target", list(() => ({ target: sample.targetUserPublicId }))],
  ["by date range (one week, a year ago)", list(() => ({ from: new Date(Date.now() - 372 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10) }))],
  ["by action and date range", list(() => ({ action: "user.action_1", from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10) }))],
  ["by actor and action", list(() => ({ actor: sample.actorPublicId, action: "meeting.action_3" }))],
  ["by target type and date range, deep", list(() => ({ targetType: "announcement", to: new Date(Date.now() - 500 * 86_400_000).toISOString().slice(0, 10) }))],
  ["the filter selects' actions and target types", (d) => auditFilterOptions(d, admin)],
  [
    "the first 1,000 rows of a CSV export by target type",
    async (d) => {
      const reader = (await auditCsvStream(d, admin, auditLogQuerySchema.parse({ targetType: "user" }), { origin: "https://x.test" })).getReader();
      for (let i = 0; i < 3; i += 1) await reader.read();
      await reader.cancel();
    },
  ],
];

describe(`the audit log over ${ROWS.toLocaleString("en")} rows`, () => {
  it.each(cases)("%s reads through an index, never a full scan", async (_name, read) => {
    const { scans, statements, ms } = await plansOf(pool, read, auditReads);
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
    expect(ms).toBeLessThan(1500);
  });

  it("a public code nothing has answers at once, without reading the log", async () => {
    const { statements } = await plansOf(pool, list(() => ({ target: "ASG-999999" })), auditReads);
    expect(statements).toBe(0);
  });
});
