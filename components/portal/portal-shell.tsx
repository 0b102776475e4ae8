import Link from "next/link";
import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { roleLabel } from "@/lib/auth/roles";
import { initialsOf } from "@/lib/profiles/schemas";
import { signOutAction } from "@/app/(portal)/sign-out-action";
import { accountNavigation, navigationFor } from "./navigation";
import { NotificationBell } from "./notification-bell";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import { LiveNotifications } from "@/components/realtime/live-notifications";

export function PortalShell({ actor, unread, children }: { actor: Actor; unread: number; children: ReactNode }) {
  const links = [...navigationFor[actor.role], ...accountNavigation];
  return (
    <div className="min-h-dvh">
      <LiveNotifications userId={actor.id} />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="font-semibold text-brand-700">
            Nano Problem
          </Link>
          <nav aria-label="Main" className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
            <ul className="flex gap-1 text-sm">
              {links.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="block whitespace-nowrap rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <ConnectionIndicator />
            <NotificationBell initialUnread={unread} />
            <span aria-hidden="true" className="hidden h-9 w-9 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-900 sm:inline-flex">
              {initialsOf(actor.name)}
            </span>
            <span className="hidden text-sm sm:block">
              <span className="block font-medium" data-testid="signed-in-name">{actor.name}</span>
              <span className="block text-xs text-slate-500">{roleLabel[actor.role]}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
