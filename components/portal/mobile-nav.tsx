"use client";

import { Menu } from "lucide-react";
import { useState } from "react";
import { useUnreadThreads } from "@/components/messages/use-unread-threads";
import { useWaitingVisitors } from "@/components/visitor-chat/use-waiting-visitors";
import type { Role } from "@/lib/auth/roles";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";

/** Under lg: the same navigation in a drawer (focus trapped, Escape closes, a link click closes it). */
export function MobileNav({ role, homeHref }: { role: Role; homeHref: string }) {
  const [open, setOpen] = useState(false);
  const unreadThreads = useUnreadThreads();
  const waitingVisitors = useWaitingVisitors();
  const close = () => setOpen(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="relative -ml-2 lg:hidden" aria-label={unreadThreads ? "Open menu, unread messages" : waitingVisitors ? "Open menu, visitors waiting" : "Open menu"} data-testid="open-menu">
          <Menu aria-hidden="true" className="size-5" />
          {/* The drawer holds the Messages and Visitors badges; this dot says there is something to open it for. */}
          {unreadThreads || waitingVisitors ? <span aria-hidden="true" className="absolute top-2 right-2 size-2 rounded-full bg-brand-600 ring-2 ring-white" /> : null}
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 max-w-[85vw] gap-0 p-0">
        <SheetHeader className="h-14 flex-row items-center border-b px-4 py-0">
          <SheetTitle className="sr-only">Menu</SheetTitle>
          <SheetDescription className="sr-only">Sections of your area</SheetDescription>
          <Logo href={homeHref} onNavigate={close} />
        </SheetHeader>
        <div className="min-h-0 flex-1 overflow-y-auto px-3 py-4">
          <SidebarNav role={role} onNavigate={close} />
        </div>
      </SheetContent>
    </Sheet>
  );
}
