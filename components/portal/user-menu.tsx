"use client";

import { Bell, ChevronsUpDown, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { signOutAction } from "@/app/(portal)/sign-out-action";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ShellUser } from "./shell-types";

/** The avatar menu: who is signed in, Profile, Notifications and Sign out (the existing server action). */
export function UserMenu({ user }: { user: ShellUser }) {
  // The form lives outside the menu: the menu unmounts as it closes, which would cancel a submit inside it.
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={signOutForm} action={signOutAction} hidden />
      {/* Not modal: the page stays in the accessibility tree (and the skip link usable) while it is open. */}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <button
            type="button"
            data-testid="account-menu"
            className="flex h-10 min-w-0 items-center gap-2 rounded-full p-1 text-left outline-none hover:bg-slate-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=open]:bg-slate-100 md:rounded-lg md:pr-2"
          >
            <span className="sr-only">Account menu, </span>
            <span aria-hidden="true" className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-900">
              {user.initials}
            </span>
            <span className="hidden min-w-0 leading-tight md:block">
              <span className="block max-w-40 truncate text-sm font-medium text-slate-900" data-testid="signed-in-name">
                {user.name}
              </span>
              <span className="block text-xs text-slate-600">{user.roleLabel}</span>
            </span>
            <ChevronsUpDown aria-hidden="true" className="hidden size-4 shrink-0 text-slate-500 md:block" />
          </button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-64">
          <DropdownMenuLabel className="font-normal">
            <span className="block truncate text-sm font-medium text-slate-900">{user.name}</span>
            <span className="block truncate text-xs text-slate-600">{user.email}</span>
            <span className="mt-1 block text-xs text-slate-600">
              {user.roleLabel}
              {user.publicId ? <> · <span data-testid="menu-public-id">{user.publicId}</span></> : null}
            </span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/profile">
              <UserRound aria-hidden="true" />
              Profile
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem asChild>
            <Link href="/notifications">
              <Bell aria-hidden="true" />
              Notifications
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden="true" />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
