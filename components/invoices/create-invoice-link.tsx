import Link from "next/link";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";

type Props = {
  /** The assignment the invoice is for. */
  assignmentId: string;
  /** The staff area the link stays in. */
  base: "/support" | "/admin";
  variant?: ButtonVariant;
  className?: string;
};

/** "Draft invoice": opens the draft form for an assignment; no client code. */
export function CreateInvoiceLink({ assignmentId, base, variant = "secondary", className }: Props) {
  return (
    <Link href={`${base}/invoices/new?assignmentId=${encodeURIComponent(assignmentId)}`} className={buttonClass(variant, className)}>
      Draft invoice
    </Link>
  );
}
