import Link from "next/link";
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
  // Only the page and "unpaid only" are read from the URL: a student sees all of their own issued invoices.
  const params = firstValues(await searchParams);
  const query = invoiceListQuerySchema.parse({ page: params.page, unpaid: params.unpaid });
  const list = await listInvoicesForActor(getDb(), actor, query);
  return (
    <>
      <PageHeader
        title="Invoices"
        description={query.unpaid ? "Invoices you still have to pay, newest first." : "Invoices for your assignments, newest first."}
        actions={query.unpaid ? <Link href={PATH} className="text-sm text-brand-700 underline">Show all invoices</Link> : null}
      />
      <Card>
        <InvoiceTotal total={list.total} />
        {list.items.length === 0 ? (
          query.unpaid ? (
            <EmptyState title="Nothing to pay">Every invoice issued to you is paid.</EmptyState>
          ) : (
            <EmptyState title="No invoices yet">When an invoice is issued for one of your assignments it appears here.</EmptyState>
          )
        ) : (
          <InvoiceList rows={list.items} basePath={PATH} label="Your invoices" />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={(page) => listHref(PATH, { unpaid: query.unpaid, page })} />
      </Card>
    </>
  );
}
