import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text a reader (pdf.js, as in Firefox) extracts from a PDF: one line per line on the page. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the bytes it is given: hand it a copy.
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const lines: string[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      let line = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = "";
        }
      }
      lines.push(line);
    }
  } finally {
    await document.destroy();
  }
  return lines.join("\n");
}
