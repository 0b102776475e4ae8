import { expect, it } from "vitest";
import { appOrigin, readPaymentStart } from "./payment-start";

const headers = (init: Record<string, string>) => new Headers(init);

it("takes the origin only when it names the app's own host", () => {
  expect(appOrigin(headers({ origin: "https://app.test", host: "app.test" }))).toBe("https://app.test");
  expect(appOrigin(headers({ origin: "https://app.test", host: "internal:3000", "x-forwarded-host": "app.test" }))).toBe("https://app.test");
  expect(appOrigin(headers({ origin: "https://evil.test", host: "app.test" }))).toBeNull();
  expect(appOrigin(headers({ origin: "javascript://app.test", host: "app.test" }))).toBeNull();
  expect(appOrigin(headers({ host: "app.test" }))).toBeNull();
});

it("reads the invoice from the URL and the version from the body", async () => {
  const request = new Request("https://app.test/api/invoices/abc-123/stripe-checkout", {
    method: "POST",
    headers: { origin: "https://app.test", host: "app.test", "content-type": "application/json" },
    body: JSON.stringify({ expectedVersion: 4 }),
  });
  expect(await readPaymentStart(request)).toEqual({ origin: "https://app.test", invoiceId: "abc-123", expectedVersion: 4 });
  const foreign = new Request("https://app.test/api/invoices/abc/paypal-order", { method: "POST", headers: { origin: "https://evil.test", host: "app.test" } });
  expect(((await readPaymentStart(foreign)) as Response).status).toBe(403);
});
