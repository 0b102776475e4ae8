import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { PortalShell } from "@/components/portal/portal-shell";
import { requireUser } from "@/lib/auth/session";
import { countUnreadNotifications } from "@/lib/notifications/queries";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  const unread = await countUnreadNotifications(getDb(), actor);
  return (
    <PortalShell actor={actor} unread={unread}>
      {children}
    </PortalShell>
  );
}
