import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profiles, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { withoutNotificationEmails } from "@/lib/notifications/email-notifications";
import { withoutLivePublishing } from "@/lib/realtime/publish";
import { ensureSupportThread } from "@/lib/messaging/membership";
import { insertUserWithProfile } from "@/lib/users/insert-user";
import { seedDemoAssignments } from "./seed-demo-assignments";
import { seedDemoInvoices } from "./seed-demo-invoices";
import { seedDemoMeetings } from "./seed-demo-meetings";
import { seedDemoThreads } from "./seed-demo-threads";
import { seedDemoVisitors } from "./seed-demo-visitors";

export const DEMO_PASSWORD = "nano-demo-2026";

type DemoUser = { email: string; name: string; role: Role; extra?: Partial<typeof profiles.$inferInsert> };

export const demoUsers: DemoUser[] = [
  { email: "admin@nanoproblem.test", name: "Amara Okafor", role: "admin", extra: { title: "Operations lead", timeZone: "Europe/London" } },
  { email: "support@nanoproblem.test", name: "Diego Hernández", role: "cs_rep", extra: { title: "Customer success", timeZone: "America/New_York" } },
  {
    email: "teacher@nanoproblem.test",
    name: "Priya Raman",
    role: "teacher",
    extra: { subjects: ["Calculus", "Statistics", "Physics"], bio: "PhD in applied mathematics; ten years of tutoring.", availabilityNote: "Weekdays 9:00–17:00 IST", timeZone: "Asia/Kolkata" },
  },
  { email: "student@nanoproblem.test", name: "Liam Chen", role: "student", extra: { school: "University of Toronto", level: "Undergraduate, year 2", timeZone: "America/Toronto" } },
  { email: "sofia.rossi@nanoproblem.test", name: "Sofia Rossi", role: "student", extra: { school: "Politecnico di Milano", level: "Master's", timeZone: "Europe/Rome" } },
  { email: "kwame.mensah@nanoproblem.test", name: "Kwame Mensah", role: "student", extra: { school: "University of Ghana", level: "Undergraduate, year 3", timeZone: "Africa/Accra" } },
  { email: "hannah.mueller@nanoproblem.test", name: "Hannah Müller", role: "student", extra: { school: "TU Berlin", level: "Undergraduate, year 1", timeZone: "Europe/Berlin" } },
  { email: "aisha.rahman@nanoproblem.test", name: "Aisha Rahman", role: "student", extra: { school: "University of Melbourne", level: "PhD", timeZone: "Australia/Melbourne" } },
  { email: "james.whitfield@nanoproblem.test", name: "James Whitfield", role: "teacher", extra: { subjects: ["English literature", "Essay writing"], bio: "Former editor, MA in English.", timeZone: "Europe/London" } },
  { email: "mei.tanaka@nanoproblem.test", name: "Mei Tanaka", role: "teacher", extra: { subjects: ["Computer science", "Algorithms", "Python"], bio: "Software engineer and TA.", timeZone: "Asia/Tokyo" } },
  { email: "omar.haddad@nanoproblem.test", name: "Omar Haddad", role: "teacher", extra: { subjects: ["Chemistry", "Biology"], timeZone: "Asia/Dubai" } },
];

/**
 * Creates the demo accounts, their assignments and their invoices only into an empty database,
 * so a second run adds nothing. Nothing is published live (the seed runs before the app and its
 * real-time server are up) and no notification is emailed (its history never happened to anyone).
 */
export function seedDemoData(db: Database, options: { storageRoot?: string } = {}): Promise<{ created: number }> {
  return withoutLivePublishing(() => withoutNotificationEmails(() => seed(db, options)));
}

async function seed(db: Database, options: { storageRoot?: string }): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) {
    // A demo database from before threads existed gets its conversations too (once).
    await seedDemoThreads(db, options);
    await seedDemoVisitors(db);
    await seedDemoMeetings(db);
    return { created: 0 };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  await db.transaction(async (tx) => {
    for (const demo of demoUsers) {
      const { user } = await insertUserWithProfile(tx, { email: demo.email, passwordHash, role: demo.role, fullName: demo.name });
      if (demo.extra) await tx.update(profiles).set(demo.extra).where(eq(profiles.userId, user.id));
      created += 1;
    }
    // Every student has a Support thread with the staff created above.
    const students = await tx.select({ id: users.id }).from(users).where(eq(users.role, "student"));
    for (const student of students) await ensureSupportThread(tx, student.id);
  });
  await seedDemoAssignments(db, options);
  await seedDemoInvoices(db);
  await seedDemoThreads(db, options);
  await seedDemoVisitors(db);
  await seedDemoMeetings(db);
  return { created };
}
