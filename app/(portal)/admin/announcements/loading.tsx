import { AnnouncementsSkeleton } from "@/components/announcements/announcements-skeleton";

export default function Loading() {
  return <AnnouncementsSkeleton />;
}
