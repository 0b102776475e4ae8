import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { widgetPreflight, widgetRoute } from "@/lib/http/widget-cors";
import { widgetAvailability } from "@/lib/visitor-chat/availability";

export const dynamic = "force-dynamic";

/** Whether someone is there (hours and presence), the away message, and whether email is required. */
export const GET = widgetRoute(async () => NextResponse.json({ data: await widgetAvailability(getDb()) }));

export const OPTIONS = widgetPreflight;
