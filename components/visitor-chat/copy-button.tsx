"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** Copies `text`; says so, or says to copy it by hand where the clipboard is not allowed (plain http). */
export function CopyButton({ text, label = "Copy", done = "Copied", variant = "secondary", testId }: { text: string; label?: string; done?: string; variant?: ButtonVariant; testId?: string }) {
  function copy() {
    if (!navigator.clipboard) {
      toast.error("Could not copy; select the text and copy it by hand");
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => toast.success(done),
      () => toast.error("Could not copy; select the text and copy it by hand"),
    );
  }
  return (
    <Button type="button" variant={variant} onClick={copy} data-testid={testId}>
      <Copy aria-hidden="true" />
      {label}
    </Button>
  );
}
