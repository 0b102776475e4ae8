import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal/portal-shell";
import { Logo } from "@/components/portal/logo";
import { StatusPage } from "@/components/portal/status-page";
import { currentActor } from "@/lib/auth/session";
import { loadShellData } from "./shell-data";

/**
 * A root 404/403 page: inside the shell with "Back to your home" for a signed-in user (the shell
 * renders content only if Next already placed the page inside the portal layout), and a plain page
 * with its own <main> linking to / and /login for a visitor.
 */
export async function StatusFrame({ code, title, children }: { code: string; title: string; children?: ReactNode }) {
  const actor = await currentActor();
  if (actor && !actor.mustChangePassword) {
    const data = await loadShellData(actor);
    return (
      <PortalShell data={data}>
        <StatusPage code={code} title={title} homeHref={data.user.homeHref}>
          {children}
        </StatusPage>
      </PortalShell>
    );
  }
  return (
    <>
      <header className="mx-auto flex h-16 max-w-6xl items-center px-4 sm:px-6">
        <Logo href="/" />
      </header>
      <main id="main" className="px-4">
        <StatusPage code={code} title={title} homeHref={null}>
          {children}
        </StatusPage>
      </main>
    </>
  );
}
