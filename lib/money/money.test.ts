import { describe, expect, it } from "vitest";
import { addMinor, currencyExponent, formatMoney, MoneyOverflowError, multiplyMinor, parseMinor, sumMinor, toDecimalString } from "./money";

describe("parsing amounts typed in a form", () => {
  it("reads dollars and cents into cents", () => {
    expect(parseMinor("12.50", "USD")).toBe(1250);
    expect(parseMinor("12.5", "EUR")).toBe(1250);
    expect(parseMinor("12", "GBP")).toBe(1200);
    expect(parseMinor(" 0.07 ", "USD")).toBe(7);
    expect(parseMinor("0", "USD")).toBe(0);
    expect(parseMinor("-3.10", "USD")).toBe(-310);
  });

  it("uses the currency's exponent: yen have no minor unit", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(parseMinor("1200", "JPY")).toBe(1200);
    expect(parseMinor("1200.5", "JPY")).toBeNull();
    expect(parseMinor("1200.", "JPY")).toBeNull();
  });

  it("refuses more decimals than the currency has, separators, exponents and garbage", () => {
    for (const text of ["12.345", "1,000.00", "1e3", "12.50 USD", "$12", "", ".", "abc", "--1", "0x10"]) expect(parseMinor(text, "USD"), text).toBeNull();
  });

  it("refuses amounts beyond the safe integer range instead of rounding them", () => {
    expect(parseMinor("90071992547409.91", "USD")).toBe(9007199254740991);
    expect(parseMinor("90071992547409.92", "USD")).toBeNull();
  });

  it("refuses a currency it does not support", () => {
    expect(() => parseMinor("1", "XYZ")).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("shows the plain decimal for forms", () => {
    expect(toDecimalString(1250, "USD")).toBe("12.50");
    expect(toDecimalString(7, "USD")).toBe("0.07");
    expect(toDecimalString(-5, "EUR")).toBe("-0.05");
    expect(toDecimalString(1200, "JPY")).toBe("1200");
  });

  it("shows the amount with its currency, exactly, even for very large amounts", () => {
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(123456789, "USD")).toBe("$1,234,567.89");
    expect(formatMoney(1200, "JPY")).toBe("¥1,200");
    expect(formatMoney(9007199254740991, "USD")).toBe("$90,071,992,547,409.91");
  });
});

describe("checked arithmetic", () => {
  it("multiplies and adds within the safe range", () => {
    expect(multiplyMinor(1250, 3)).toBe(3750);
    expect(multiplyMinor(0, 5)).toBe(0);
    expect(addMinor(1, 2)).toBe(3);
    expect(sumMinor([100, 250, 5])).toBe(355);
    expect(sumMinor([])).toBe(0);
  });

  it("throws instead of silently losing cents on overflow", () => {
    expect(() => multiplyMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow(MoneyOverflowError);
    expect(() => multiplyMinor(2 ** 40, 2 ** 20)).toThrow(MoneyOverflowError);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyOverflowError);
    expect(() => multiplyMinor(1.5, 2)).toThrow(MoneyOverflowError);
  });
});
