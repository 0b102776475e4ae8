"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { dismissAnnouncement } from "@/lib/announcements/dismiss-announcement";

// The service checks the id and that the announcement is the reader's; the banner hides itself at once.
export const dismissAnnouncementAction = formAction({}, (actor, input) =>
  dismissAnnouncement(getDb(), actor, typeof input.announcementId === "string" ? input.announcementId : ""),
);
