/**
 * Money is an integer count of minor units (cents) plus an ISO 4217 code. Nothing here goes
 * through floating point: parsing and formatting work on digit strings, arithmetic is checked.
 */
import { numberFormat } from "@/lib/intl/formatters";

export const DEFAULT_CURRENCY = "USD";

// Minor-unit exponents of the currencies the product accepts.
const exponents = { USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, JPY: 0 } as const;
export type Currency = keyof typeof exponents;
export const currencies = Object.keys(exponents) as Currency[];

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(exponents, code);
}

export function currencyExponent(currency: string): number {
  if (!isCurrency(currency)) throw new RangeError(`unsupported currency ${currency}`);
  return exponents[currency];
}

export class MoneyOverflowError extends RangeError {
  constructor(operation: string) {
    super(`money ${operation} leaves the safe integer range`);
    this.name = "MoneyOverflowError";
  }
}

function assertMinor(value: number, operation: string): number {
  if (!Number.isSafeInteger(value)) throw new MoneyOverflowError(operation);
  return value;
}

export function addMinor(a: number, b: number): number {
  assertMinor(a, "addition");
  assertMinor(b, "addition");
  return assertMinor(a + b, "addition");
}

export function sumMinor(values: readonly number[]): number {
  return values.reduce((total, value) => addMinor(total, value), 0);
}

/** A quantity times a unit price; refuses any product that cannot be represented exactly. */
export function multiplyMinor(amount: number, factor: number): number {
  assertMinor(amount, "multiplication");
  assertMinor(factor, "multiplication");
  const product = amount * factor;
  // Above 2^53 the float product is rounded, so check the range before trusting it.
  if (!Number.isSafeInteger(product) || (factor !== 0 && product / factor !== amount)) throw new MoneyOverflowError("multiplication");
  return product;
}

/**
 * "12.50" → 1250 in USD, "1200" → 1200 in JPY. Accepts an optional leading minus, digits and at
 * most the currency's number of decimals; anything else (commas, "1e3", "12.345" in USD) is null.
 */
export function parseMinor(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d{1,16})(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = "", fraction = ""] = match;
  if (fraction.length > exponent) return null;
  if (text.trim().endsWith(".") && exponent === 0) return null;
  const digits = `${whole}${fraction.padEnd(exponent, "0")}`.replace(/^0+(?=\d)/, "");
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || String(value) !== digits) return null;
  return sign === "-" && value !== 0 ? -value : value;
}

/** 1250 USD → "12.50": the plain decimal a form field shows. */
export function toDecimalString(minorUnits: number, currency: string): string {
  assertMinor(minorUnits, "formatting");
  const exponent = currencyExponent(currency);
  const sign = minorUnits < 0 ? "-" : "";
  const digits = String(Math.abs(minorUnits)).padStart(exponent + 1, "0");
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** 1250 USD → "$12.50" for display, exact for any safe amount. */
export function formatMoney(minorUnits: number, currency: string, locale = "en-US"): string {
  const exponent = currencyExponent(currency);
  const format = numberFormat(locale, { style: "currency", currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  // A decimal string is formatted exactly (Intl.NumberFormat v3), never through a float.
  return format.format(toDecimalString(minorUnits, currency) as unknown as number);
}
