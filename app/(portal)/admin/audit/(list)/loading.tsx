import { PageSkeleton } from "@/components/portal/page-skeleton";

// Inside the route group, as the other lists have it: the boundary covers this page alone.
export default function Loading() {
  return <PageSkeleton label="Loading the audit log" />;
}
