import { describe, expect, it } from "vitest";
import { fileTypes } from "./file-type";
import { originalFileName, sanitizeDisplayName } from "./sanitize-name";

describe("display names of uploaded files", () => {
  it("keeps an ordinary name as it is", () => {
    expect(sanitizeDisplayName("Essay draft (v2).pdf", fileTypes.pdf)).toBe("Essay draft (v2).pdf");
    expect(sanitizeDisplayName("Übung 3 – Lösung.docx", fileTypes.docx)).toBe("Übung 3 – Lösung.docx");
    expect(sanitizeDisplayName("solution.py", fileTypes.text)).toBe("solution.py");
  });

  it("drops path parts, control and bidi characters, and characters Windows refuses", () => {
    expect(sanitizeDisplayName("../../etc/passwd", fileTypes.text)).toBe("passwd");
    expect(sanitizeDisplayName("C:\\Users\\me\\report.pdf", fileTypes.pdf)).toBe("report.pdf");
    expect(sanitizeDisplayName("invoice\u202Efdp.exe", fileTypes.pdf)).toBe("invoicefdp.exe.pdf");
    expect(sanitizeDisplayName("a\u0000b\nc<d>.txt", fileTypes.text)).toBe("abc_d_.txt");
    expect(sanitizeDisplayName("  .hidden.  ", fileTypes.text)).toBe("hidden");
    expect(sanitizeDisplayName("CON.txt", fileTypes.text)).toBe("_CON.txt");
    expect(sanitizeDisplayName("", fileTypes.png)).toBe("file.png");
  });

  it("gives a file the extension of what it really is", () => {
    expect(sanitizeDisplayName("thesis.exe", fileTypes.pdf)).toBe("thesis.exe.pdf");
    expect(sanitizeDisplayName("photo", fileTypes.jpeg)).toBe("photo.jpg");
    expect(sanitizeDisplayName("tool.jar", fileTypes.zip)).toBe("tool.jar.zip");
    expect(sanitizeDisplayName("page.html", fileTypes.text)).toBe("page.html.txt");
    expect(sanitizeDisplayName("run.bat", fileTypes.text)).toBe("run.bat.txt");
  });

  it("shortens long names without splitting characters or losing the extension", () => {
    const name = sanitizeDisplayName(`${"😀".repeat(200)}.pdf`, fileTypes.pdf);
    expect(Array.from(name)).toHaveLength(120);
    expect(name.endsWith("😀.pdf")).toBe(true);
  });

  it("records the original name without NUL and within bounds", () => {
    expect(originalFileName("a\u0000b.txt")).toBe("ab.txt");
    expect(Array.from(originalFileName("x".repeat(1000)))).toHaveLength(255);
  });
});
