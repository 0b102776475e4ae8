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

it("refuses a body that is not the Pay button's JSON with the version its page showed", async () => {
  const post = (body: string, contentType?: string) =>
    new Request("https://app.test/api/invoices/abc/stripe-checkout", { method: "POST", headers: { origin: "https://app.test", host: "app.test", ...(contentType ? { "content-type": contentType } : {}) }, body });
  const malformed = (await readPaymentStart(post('{"expectedVersion":', "application/json"))) as Response;
  expect([malformed.status, await malformed.json()]).toEqual([400, { error: "The request body is not valid JSON." }]);
  expect(((await readPaymentStart(post('{"expectedVersion":4}', "text/plain"))) as Response).status).toBe(415);
  expect(((await readPaymentStart(post(`{"pad":"${"x".repeat(20_000)}"}`, "application/json"))) as Response).status).toBe(413);
  for (const body of ["", "{}", "[]", "null", '{"expectedVersion":"4"}', '{"expectedVersion":[4]}', '{"expectedVersion":1e309}', '{"expectedVersion":-0}', '{"expectedVersion":2.5}']) {
    const refused = (await readPaymentStart(post(body, "application/json"))) as Response;
    expect(refused.status, body).toBe(400);
    expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/Reload the page/) });
  }
});

it("leaves a malformed escape in the invoice id as sent", async () => {
  const request = new Request("https://app.test/api/invoices/%E0%A4%A/stripe-checkout", { method: "POST", headers: { origin: "https://app.test", host: "app.test", "content-type": "application/json" }, body: '{"expectedVersion":1}' });
  expect(await readPaymentStart(request)).toMatchObject({ invoiceId: "%E0%A4%A" });
});
