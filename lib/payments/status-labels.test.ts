import { expect, it } from "vitest";
import { paymentStatuses } from "@/db/schema";
import { paymentStatusLabelFor } from "./status-labels";

it("names every payment status, and never says 'Disputed' to a student", () => {
  for (const status of paymentStatuses) {
    expect(paymentStatusLabelFor(status, "staff")).not.toBe(status);
    expect(paymentStatusLabelFor(status, "student")).not.toMatch(/disput/i);
  }
  expect(paymentStatusLabelFor("disputed", "staff")).toBe("Disputed");
  expect(paymentStatusLabelFor("disputed", "student")).toBe("Under review");
  expect(paymentStatusLabelFor("partially_refunded", "student")).toBe("Partly refunded");
});
