import { StatusPage } from "@/components/portal/status-page";
import { currentActor } from "@/lib/auth/session";
import { roleHome } from "@/lib/auth/roles";

// A portal page's forbidden() (requireRole) lands here, inside the portal layout.
export default async function PortalForbidden() {
  const actor = await currentActor();
  return (
    <StatusPage code="403" title="You do not have access to this page" homeHref={actor ? roleHome[actor.role] : null}>
      This page belongs to another role.
    </StatusPage>
  );
}
