import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { PortalShell } from "@/components/portal/portal-shell";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { realtimeConfig } from "@/lib/realtime/config";
import { requireUser } from "@/lib/auth/session";
import { countUnreadNotifications } from "@/lib/notifications/queries";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  const unread = await countUnreadNotifications(getDb(), actor);
  return (
    <RealtimeProvider config={realtimeConfig()?.client ?? null}>
      <PortalShell actor={actor} unread={unread}>
        {children}
      </PortalShell>
    </RealtimeProvider>
  );
}
