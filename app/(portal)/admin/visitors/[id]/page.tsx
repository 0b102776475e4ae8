import type { Metadata } from "next";
import { VisitorConversationPage, visitorConversationTitle } from "@/app/(portal)/_visitor-console/conversation-page";

type Props = { params: Promise<{ id: string }> };

// No loading.tsx here (the queue's sits in its route group): a streamed page would answer 200
// before notFound() runs, and an unknown conversation must answer 404.

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await visitorConversationTitle((await params).id) };
}

export default function Page({ params }: Props) {
  return <VisitorConversationPage basePath="/admin/visitors" params={params} />;
}
