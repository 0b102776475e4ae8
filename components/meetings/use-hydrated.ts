"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until React has hydrated, then true. The meeting forms are sent
 * by script, so their buttons stay disabled until it runs (a click before would be lost, or submit
 * the form natively as a GET).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
