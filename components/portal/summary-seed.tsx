"use client";

import { createContext, useContext } from "react";
import type { NotificationSummary } from "./notification-bell";

/** The counts the page was rendered with: the first data of the bell's and the Messages badge's summary query. */
export const SummarySeed = createContext<NotificationSummary | undefined>(undefined);

export function useSummarySeed(): NotificationSummary | undefined {
  return useContext(SummarySeed);
}
