import type { Metadata } from "next";
import { StatusFrame } from "./(portal)/status-frame";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusFrame code="404" title="Page not found">
      The link may be old, or the page may have moved.
    </StatusFrame>
  );
}
