import type { ReactNode } from "react";
import { SupportPresence } from "@/components/visitor-chat/support-presence";

/** While any visitor console page is open, this CS rep counts as online for the widget. */
export default function VisitorsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SupportPresence />
      {children}
    </>
  );
}
