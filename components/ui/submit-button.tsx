"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

export function SubmitButton({ children, pendingText, variant = "primary", className }: { children: React.ReactNode; pendingText?: string; variant?: ButtonVariant; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending} className={className}>
      {pending ? (pendingText ?? "Working…") : children}
    </Button>
  );
}
