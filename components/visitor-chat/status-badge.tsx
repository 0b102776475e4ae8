import { BadgeCheck } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { VisitorSessionStatus } from "@/lib/visitor-chat/types";

const labels: Record<VisitorSessionStatus, [string, BadgeTone]> = {
  open: ["Waiting", "amber"],
  claimed: ["In progress", "blue"],
  closed: ["Closed", "gray"],
  converted: ["Converted", "green"],
};

export function VisitorStatusBadge({ status }: { status: VisitorSessionStatus }) {
  const [label, tone] = labels[status];
  return (
    <Badge tone={tone} data-testid="visitor-status">
      {label}
    </Badge>
  );
}

/** The host site vouched for this visitor with a valid identity hash. */
export function VerifiedMark({ withText = false }: { withText?: boolean }) {
  return (
    <span className="inline-flex shrink-0 items-center gap-1 text-xs font-medium text-green-700" title="Verified by the host site" data-testid="verified-mark">
      <BadgeCheck aria-hidden="true" className="size-4" />
      <span className={withText ? undefined : "sr-only"}>Verified</span>
    </span>
  );
}
