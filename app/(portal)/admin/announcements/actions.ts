"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { createAnnouncement } from "@/lib/announcements/create-announcement";
import { editAnnouncement } from "@/lib/announcements/edit-announcement";
import { unpublishAnnouncement } from "@/lib/announcements/unpublish-announcement";
import type { ServiceResult } from "@/lib/errors";

const admins = { roles: ["admin"] } as const;

// The services parse every field and check the permission; the id is read here only to pass it on.
function idOf(input: Record<string, string | string[]>): string {
  return typeof input.announcementId === "string" ? input.announcementId : "";
}

function refreshed<T>(result: ServiceResult<T>): ServiceResult<T> {
  if (result.ok) {
    revalidatePath("/admin/announcements");
    revalidatePath("/announcements");
  }
  return result;
}

export const createAnnouncementAction = formAction(admins, async (actor, input) => refreshed(await createAnnouncement(getDb(), actor, input)));

export const editAnnouncementAction = formAction(admins, async (actor, input) => refreshed(await editAnnouncement(getDb(), actor, idOf(input), input)));

export const unpublishAnnouncementAction = formAction(admins, async (actor, input) => refreshed(await unpublishAnnouncement(getDb(), actor, idOf(input), input)));
