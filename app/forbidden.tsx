import type { Metadata } from "next";
import { StatusFrame } from "./(portal)/status-frame";

export const metadata: Metadata = { title: "Access refused" };

export default function Forbidden() {
  return (
    <StatusFrame code="403" title="You do not have access to this page">
      This area belongs to another role.
    </StatusFrame>
  );
}
