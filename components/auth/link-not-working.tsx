import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { AuthCard, AuthLink } from "./auth-card";

/**
 * The one page for a link that does not work, whatever the reason (wrong, used, expired, or the
 * account is blocked): saying which would tell a stranger something about the account.
 */
export function LinkNotWorking({ children, action }: { children: ReactNode; action: { href: string; label: string } }) {
  return (
    <AuthCard
      title="This link does not work"
      footer={
        <>
          Need help? <AuthLink href="/contact">Contact us</AuthLink>
        </>
      }
    >
      <div className="space-y-4 text-sm text-slate-700" data-testid="link-not-working">
        {children}
        <Link href={action.href} className={buttonClass("primary", "w-full")}>
          {action.label}
        </Link>
      </div>
    </AuthCard>
  );
}
