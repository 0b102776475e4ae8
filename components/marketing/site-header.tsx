import Link from "next/link";
import { Menu, X } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Logo } from "./logo";

export const sectionLinks = [
  { href: "/#how-it-works", label: "How it works" },
  { href: "/#services", label: "Services" },
  { href: "/#faq", label: "FAQ" },
] as const;

type Props = {
  /** The signed-in visitor's own area, or null for a visitor who is signed out. */
  dashboardHref: string | null;
};

export function SiteHeader({ dashboardHref }: Props) {
  return (
    <header className="relative z-40 border-b border-slate-200/80 bg-white/90 backdrop-blur md:sticky md:top-0">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-8 px-4 sm:px-6">
        <Link href="/" className="flex items-center rounded-md">
          <Logo />
        </Link>
        <nav aria-label="Main" className="hidden md:block">
          <ul className="flex items-center gap-1">
            {sectionLinks.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-600 transition-colors hover:text-slate-900">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {dashboardHref ? (
            <Link href={dashboardHref} className={buttonVariants()}>
              <span className="sm:hidden">Dashboard</span>
              <span className="hidden sm:inline">Open your dashboard</span>
            </Link>
          ) : (
            <>
              <Link href="/login" className={cn(buttonVariants({ variant: "ghost" }), "hidden md:inline-flex")}>
                Sign in
              </Link>
              <Link href="/register" className={buttonVariants()}>
                Get help
              </Link>
            </>
          )}
          <PhoneMenu signedIn={dashboardHref !== null} />
        </div>
      </div>
    </header>
  );
}

/** A native disclosure, so the phone menu needs no JavaScript. */
function PhoneMenu({ signedIn }: { signedIn: boolean }) {
  const item = "block rounded-md px-3 py-2.5 text-base font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";
  return (
    <details className="group md:hidden">
      <summary className={cn(buttonVariants({ variant: "ghost", size: "icon" }), "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
        <Menu className="size-5 group-open:hidden" aria-hidden="true" />
        <X className="hidden size-5 group-open:block" aria-hidden="true" />
        <span className="sr-only">Menu</span>
      </summary>
      <nav aria-label="Menu" className="absolute inset-x-0 top-full border-b border-slate-200 bg-white px-4 pb-4 pt-2 shadow-lg">
        <ul className="space-y-1">
          {sectionLinks.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className={item}>{link.label}</Link>
            </li>
          ))}
          {!signedIn && (
            <li className="border-t border-slate-200 pt-1">
              <Link href="/login" className={item}>Sign in</Link>
            </li>
          )}
        </ul>
      </nav>
    </details>
  );
}
