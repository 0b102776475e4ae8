"use client";

import { Info, TriangleAlert, X } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { dismissAnnouncementAction } from "@/app/(portal)/announcements/actions";
import { cn } from "@/components/ui/cn";
import type { AnnouncementView } from "@/lib/announcements/queries";
import { MarkdownBody } from "./markdown-body";

const look = {
  info: { box: "border-brand-100 bg-brand-50 text-brand-900", icon: Info, label: "Announcement" },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-950", icon: TriangleAlert, label: "Important announcement" },
} as const;

/** The reader's current announcements above every page; closing one is remembered for them on every device. */
export function AnnouncementBanners({ banners }: { banners: AnnouncementView[] }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [, startTransition] = useTransition();
  const shown = banners.filter((banner) => !hidden.has(banner.id));
  if (shown.length === 0) return null;

  function dismiss(banner: AnnouncementView) {
    setHidden((current) => new Set(current).add(banner.id));
    const form = new FormData();
    form.set("announcementId", banner.id);
    startTransition(async () => {
      const result = await dismissAnnouncementAction({ status: "idle" }, form);
      if (result.status === "error") {
        setHidden((current) => {
          const next = new Set(current);
          next.delete(banner.id);
          return next;
        });
        toast.error(result.message ?? "Could not dismiss the announcement. Try again.");
      }
    });
  }

  return (
    <div className="mb-6 grid gap-2" data-testid="announcement-banners">
      {shown.map((banner) => {
        const { box, icon: Icon, label } = look[banner.severity];
        return (
          <section key={banner.id} aria-label={`${label}: ${banner.title}`} data-testid="announcement-banner" data-announcement-id={banner.id} className={cn("flex gap-3 rounded-lg border px-4 py-3", box)}>
            <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-semibold">{banner.title}</p>
              {/* Two lines at most, so a few banners never push the page itself out of sight; the whole text is one click away. */}
              <MarkdownBody html={banner.html} className="line-clamp-2 [&_li]:my-0 [&_p]:my-0" />
              <a href={`/announcements#announcement-${banner.id}`} className="text-xs font-medium underline">
                {banner.editedAt ? "Edited · read it all" : "Read it all"}
              </a>
            </div>
            <button
              type="button"
              onClick={() => dismiss(banner)}
              aria-label={`Dismiss “${banner.title}”`}
              className="inline-flex size-8 shrink-0 items-center justify-center rounded-md outline-none hover:bg-black/5 focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          </section>
        );
      })}
    </div>
  );
}
