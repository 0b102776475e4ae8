"use client";

import { ErrorPanel } from "@/components/portal/error-panel";

// A server error here shows its digest as the reference; the same digest is in the server log.
export default function AreaError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} reset={reset} />;
}
