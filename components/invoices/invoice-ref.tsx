/** The invoice and the version the form was rendered with; the service refuses a stale form. */
export function InvoiceRef({ id, version, form }: { id: string; version: number; form?: string }) {
  return (
    <>
      <input type="hidden" name="invoiceId" value={id} form={form} />
      <input type="hidden" name="expectedVersion" value={version} form={form} />
    </>
  );
}
