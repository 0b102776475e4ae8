import { PageSkeleton } from "@/components/portal/page-skeleton";

// The row of dashboard counts first (4 tiles), as the home draws it. Per page, not per area: a
// loading boundary above a detail page would stream it with status 200 before its notFound() could answer 404 for another user's id.
export default function Loading() {
  return <PageSkeleton label="Loading the page" stats={4} />;
}
