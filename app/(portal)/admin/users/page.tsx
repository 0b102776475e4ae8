import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { CreateStaffDialog } from "@/components/admin/create-staff-form";
import { UserFilters } from "@/components/admin/user-filters";
import { UsersList } from "@/components/admin/users-list";
import { Card, PageHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";
import { listUsers } from "@/lib/users/queries";
import { userListQuerySchema } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const actor = await requireRole("admin");
  // A repeated parameter (?q=a&q=b) keeps its first value; anything invalid falls back to "all".
  const sp = await searchParams;
  const query = userListQuerySchema.parse(Object.fromEntries(Object.entries(sp).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const db = getDb();
  const [list, own] = await Promise.all([listUsers(db, actor, query), getOwnProfile(db, actor)]);
  return (
    <>
      <PageHeader title="Users" description="Find accounts, block or unblock them, reset passwords and create staff accounts." actions={<CreateStaffDialog />} />
      <Card>
        <UserFilters query={query} />
        <UsersList list={list} query={query} actorId={actor.id} timeZone={own.profile.timeZone} />
      </Card>
    </>
  );
}
