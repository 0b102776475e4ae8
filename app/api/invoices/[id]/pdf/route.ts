import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { invoicePdfForActor } from "@/lib/invoices/invoice-pdf";

export const dynamic = "force-dynamic";

/** An issued invoice as a PDF, for its student or staff; anything else is 404. Always an attachment, never sniffed. */
export const GET = answer503WhileDatabaseDown(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to download invoices" }, { status: 401 });
  const result = await invoicePdfForActor(getDb(), actor, (await params).id);
  if (!result.ok) return NextResponse.json({ error: result.message }, { status: 404 });
  const { body, filename } = result.data;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(body.length),
      // The number is INV-YYYY-NNNNN (checked by the database), safe in a quoted filename.
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
