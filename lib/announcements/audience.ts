import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { announcementRecipients, announcements, type AnnouncementAudience } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";

/** The roles a group audience reaches; "staff" means the office (CS reps and admins), teachers have their own. */
export const rolesOfAudience: Record<Exclude<AnnouncementAudience, "users">, readonly Role[]> = {
  everyone: ["student", "teacher", "cs_rep", "admin"],
  students: ["student"],
  teachers: ["teacher"],
  staff: ["cs_rep", "admin"],
};

/** The group audiences a person of this role belongs to. */
export function groupAudiencesOf(role: Role): AnnouncementAudience[] {
  return (Object.entries(rolesOfAudience) as [AnnouncementAudience, readonly Role[]][]).filter(([, roles]) => roles.includes(role)).map(([kind]) => kind);
}

/** SQL true when the announcement row is meant for this person: a group they belong to, or they were chosen. */
export function isForUser(userId: string, role: Role): SQL {
  const groups = groupAudiencesOf(role);
  return sql`(${announcements.audience} in (${sql.join(
    groups.map((kind) => sql`${kind}`),
    sql`, `,
  )}) or (${announcements.audience} = 'users' and exists (select 1 from ${announcementRecipients} r where r.announcement_id = ${announcements.id} and r.user_id = ${userId})))`;
}

export type Bell = { title: string; body: string; link: string };

/**
 * One bell per active member of the audience in a single INSERT … SELECT, whatever its size: the
 * rows are made by PostgreSQL, never sent one by one. Blocked people get none. Announcements are
 * not emailed, so no email is queued. Returns how many bells rang.
 */
export async function ringAudience(tx: Executor, announcement: { id: string; audience: AnnouncementAudience }, bell: Bell): Promise<number> {
  const values = sql`'announcement.published', ${bell.title}, ${bell.body}, ${bell.link}`;
  const result =
    announcement.audience === "users"
      ? await tx.execute(sql`
          insert into notifications (user_id, type, title, body, link)
          select u.id, ${values} from announcement_recipients r join users u on u.id = r.user_id
          where r.announcement_id = ${announcement.id} and u.status = 'active'`)
      : await tx.execute(sql`
          insert into notifications (user_id, type, title, body, link)
          select u.id, ${values} from users u
          where u.status = 'active' and u.role in (${sql.join(
            rolesOfAudience[announcement.audience].map((role) => sql`${role}::user_role`),
            sql`, `,
          )})`);
  return result.rowCount ?? 0;
}
