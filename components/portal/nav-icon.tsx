import { Bell, CalendarClock, ScrollText, ClipboardList, CreditCard, FileCheck2, House, Inbox, MessageCircleMore, Megaphone, MessagesSquare, Receipt, Settings2, UserRound, Users, type LucideProps } from "lucide-react";
import type { NavIcon as NavIconName } from "./navigation";

const icons = {
  home: House,
  queue: Inbox,
  assignments: ClipboardList,
  messages: MessagesSquare,
  visitors: MessageCircleMore,
  invoices: Receipt,
  approvals: FileCheck2,
  payments: CreditCard,
  users: Users,
  settings: Settings2,
  notifications: Bell,
  profile: UserRound,
  meetings: CalendarClock,
  audit: ScrollText,
  announcements: Megaphone,
} as const;

export function NavIcon({ name, ...props }: { name: NavIconName } & LucideProps) {
  const Icon = icons[name];
  return <Icon aria-hidden="true" {...props} />;
}
