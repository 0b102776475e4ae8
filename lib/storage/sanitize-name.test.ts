import { describe, expect, it } from "vitest";
import { fileTypes } from "./file-type";
import { downloadFileName, originalFileName, sanitizeDisplayName } from "./sanitize-name";

describe("display names of uploaded files", () => {
  it("keeps an ordinary name as it is", () => {
    expect(sanitizeDisplayName("Essay draft (v2).pdf", fileTypes.pdf)).toBe("Essay draft (v2).pdf");
    expect(sanitizeDisplayName("Übung 3 – Lösung.docx", fileTypes.docx)).toBe("Übung 3 – Lösung.docx");
    expect(sanitizeDisplayName("notes.md", fileTypes.text)).toBe("notes.md");
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

  it("saves code and scripts as text files that no OS runs on a double click", () => {
    const scripts = [
      "js", "mjs", "cjs", "jsx", "ts", "tsx", "jse", "vbs", "vbe", "vb", "wsf", "wsh", "wsc", "ws", "sct", "hta",
      "bat", "cmd", "com", "ps1", "psm1", "psd1", "ps1xml", "py", "pyw", "pyz", "rb", "pl", "php", "lua", "tcl", "r",
      "sh", "bash", "zsh", "ksh", "csh", "fish", "command", "tool", "applescript", "scpt", "terminal", "workflow",
      "desktop", "run", "appimage", "jar", "jnlp", "class", "reg", "inf", "url", "website", "lnk", "scf", "library-ms",
      "settingcontent-ms", "searchconnector-ms", "appref-ms", "application", "gadget", "msc", "cpl", "iqy", "slk",
      "rdp", "theme", "html", "htm", "xhtml", "svg", "xml", "xsl", "mht", "chm", "exe", "msi", "scr", "pif",
    ];
    for (const extension of scripts) {
      expect(sanitizeDisplayName(`solution.${extension}`, fileTypes.text)).toBe(`solution.${extension}.txt`);
      expect(sanitizeDisplayName(`Solution.${extension.toUpperCase()}`, fileTypes.text)).toBe(`Solution.${extension.toUpperCase()}.txt`);
    }
    expect(sanitizeDisplayName("run.js  ..", fileTypes.text)).toBe("run.js.txt");
    expect(sanitizeDisplayName("notes.txt:evil.js", fileTypes.text)).toBe("notes.txt_evil.js.txt");
  });

  it("keeps the names of notes, data and compiled-language sources", () => {
    for (const name of ["notes.txt", "README.md", "data.csv", "table.tsv", "result.json", "lab.ipynb", "config.yaml", "thesis.tex", "refs.bib", "main.c", "util.h", "solver.cpp", "Main.java", "Program.cs", "main.go", "lib.rs", "query.sql", "Makefile", "solution.js.txt"]) {
      expect(sanitizeDisplayName(name, fileTypes.text)).toBe(name);
    }
  });

  it("downloads files stored under older rules under today's safe name", () => {
    expect(downloadFileName("solution.js", "text/plain")).toBe("solution.js.txt");
    expect(downloadFileName("solution.js.txt", "text/plain")).toBe("solution.js.txt");
    expect(downloadFileName("essay.pdf", "application/pdf")).toBe("essay.pdf");
    expect(downloadFileName("thesis.exe", "application/pdf")).toBe("thesis.exe.pdf");
    expect(downloadFileName("mystery.exe", "application/x-unknown")).toBe("mystery.exe.txt");
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
