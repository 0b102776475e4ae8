"use client";

import { ErrorPanel } from "@/components/portal/error-panel";

// Last resort for errors outside an area's own boundary (e.g. in the portal layout itself): no shell
// around it, so it brings its own <main>. The reference is the server-logged error.digest.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4">
      <ErrorPanel error={error} reset={reset} />
    </main>
  );
}
