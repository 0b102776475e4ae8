import type { MailStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const look: Record<MailStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "amber" },
  sent: { label: "Delivered", tone: "green" },
  failed: { label: "Failed", tone: "red" },
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { label, tone } = look[status] ?? look.queued;
  return <Badge tone={tone}>{label}</Badge>;
}
