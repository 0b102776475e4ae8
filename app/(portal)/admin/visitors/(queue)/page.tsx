import type { Metadata } from "next";
import { VisitorQueuePage, type SearchParams } from "@/app/(portal)/_visitor-console/queue-page";

export const metadata: Metadata = { title: "Visitors" };

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <VisitorQueuePage basePath="/admin/visitors" searchParams={searchParams} />;
}
