import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { InvoiceList, InvoiceTotal } from "@/components/invoices/invoice-list";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/session";
import { listInvoicesForActor } from "@/lib/invoices/queries";
import { invoiceListQuerySchema } from "@/lib/invoices/schemas";

export const metadata: Metadata = { title: "Invoices" };

const PATH = "/student/invoices";

export default async function StudentInvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("student");
  // Only the page is read from the URL: a student sees all of their own issued invoices.
  const query = invoiceListQuerySchema.parse({ page: firstValues(await searchParams).page });
  const list = await listInvoicesForActor(getDb(), actor, query);
  return (
    <>
      <PageHeader title="Invoices" description="Invoices for your assignments, newest first." />
      <Card>
        <InvoiceTotal total={list.total} />
        {list.items.length === 0 ? (
          <EmptyState title="No invoices yet">When an invoice is issued for one of your assignments it appears here.</EmptyState>
        ) : (
          <InvoiceList rows={list.items} basePath={PATH} label="Your invoices" />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={(page) => listHref(PATH, { page })} />
      </Card>
    </>
  );
}
