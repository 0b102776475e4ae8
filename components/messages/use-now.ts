"use client";

import { useEffect, useState } from "react";

/** The current time, refreshed every `everyMs`: for "editable for 15 minutes" and "Today" labels. */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
