"use client";

import { Button } from "@/components/ui/button";
import { toast } from "sonner";

/** Only the hash is stored, so this is the one time anyone sees the password. */
export function TemporaryPassword({ email, password }: { email: string; password: string }) {
  function copy() {
    navigator.clipboard.writeText(password).then(
      () => toast.success("Temporary password copied"),
      () => toast.error("Could not copy; select the password and copy it by hand"),
    );
  }
  return (
    <div role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
      <p>
        Temporary password for <strong className="[overflow-wrap:anywhere]">{email}</strong>:
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="temporary-password" className="select-all rounded bg-white px-2 py-1 font-mono text-base ring-1 ring-amber-200">
          {password}
        </code>
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
      </div>
      <p className="mt-2 text-xs">
        It is shown only this once. Hand it over securely (in person or by phone, not by email or chat). They must choose a new password when they sign in.
      </p>
    </div>
  );
}
