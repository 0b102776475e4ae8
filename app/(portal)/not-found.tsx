import { StatusPage } from "@/components/portal/status-page";
import { currentActor } from "@/lib/auth/session";
import { roleHome } from "@/lib/auth/roles";

// A portal page's notFound() lands here, inside the portal layout: content only, the shell is around it.
export default async function PortalNotFound() {
  const actor = await currentActor();
  return (
    <StatusPage code="404" title="Page not found" homeHref={actor ? roleHome[actor.role] : null}>
      It may have been removed, or it is not yours to see.
    </StatusPage>
  );
}
