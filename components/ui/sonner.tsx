"use client";

// After shadcn/ui (new-york-v4) Sonner, light theme only (the app has no dark mode).
import { CircleCheckIcon, InfoIcon, Loader2Icon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

/** Mounted once in the providers; call `toast.success(...)` / `toast.error(...)` from "sonner". */
function Toaster(props: ToasterProps) {
  return (
    <Sonner
      theme="light"
      className="toaster group"
      // Not "Notifications" (sonner's default): that name belongs to the bell and its page.
      containerAriaLabel="Messages"
      // Sonner renders its own polite live region, so screen readers hear every toast.
      icons={{
        success: <CircleCheckIcon className="size-4 text-green-700" />,
        info: <InfoIcon className="size-4" />,
        warning: <TriangleAlertIcon className="size-4 text-amber-700" />,
        error: <OctagonXIcon className="size-4 text-red-700" />,
        loading: <Loader2Icon className="size-4 animate-spin" />,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
