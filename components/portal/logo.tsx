import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The mark and name; in the portal it leads to the user's own area, never to the marketing page. */
export function Logo({ href, compact = false, onNavigate, className }: { href: string; compact?: boolean; onNavigate?: () => void; className?: string }) {
  return (
    <Link href={href} onClick={onNavigate} className={cn("inline-flex min-w-0 items-center gap-2 rounded-md font-semibold text-slate-900", className)}>
      <span aria-hidden="true" className="inline-flex size-8 shrink-0 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white shadow-xs">
        N
      </span>
      <span className={cn("truncate tracking-tight", compact && "sr-only")}>Nano Problem</span>
    </Link>
  );
}
