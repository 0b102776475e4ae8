import { PageSkeleton } from "@/components/portal/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the page" stats />;
}
