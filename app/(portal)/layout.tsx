import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal/portal-shell";
import { requireUser } from "@/lib/auth/session";
import { loadShellData } from "./shell-data";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  return <PortalShell data={await loadShellData(actor)}>{children}</PortalShell>;
}
