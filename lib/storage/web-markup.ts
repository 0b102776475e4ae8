/**
 * Web markup hidden in a file that would otherwise pass as text. Downloads are served as
 * text/plain attachments with nosniff and a sandbox policy, so this is the second wall: a text
 * upload must not be something a browser (or an old sniffer, or a student who renames it) would
 * render as a page or run as script. Two rules:
 *  1. Nothing may start with markup. After a BOM, whitespace, comments and processing
 *     instructions (skipped as an HTML parser does), a tag, an end tag or `<!DOCTYPE`/`<!…>`
 *     refuses the file, whatever the tag. An XML document (`<?xml`) is the one exception: plain
 *     data passes, but not with a DOCTYPE, a stylesheet or an XHTML, SVG, MathML or XSLT namespace.
 *  2. Nowhere may it carry active markup: `<script`, `<svg`, `<html`, `<iframe`, `<!DOCTYPE html`,
 *     an object/embed/frame/meta/base/link/form tag with attributes, an `on…=` event attribute in
 *     a tag, or a javascript:, vbscript: or HTML/SVG data: URL in an attribute or Markdown link.
 * Ordinary prose, Markdown, CSV, LaTeX and most code pass (`a < b`, `#include <stdio.h>`,
 * `List<Object>`). Code that holds such markup (web pages, JSX) travels in a zip archive.
 */

// Whitespace a browser skips or ignores before content, plus invisible format characters.
const leadingSpace = /^[\s\u200b-\u200d\u2060]+/;

/** What makes the text web markup, in words for the uploader; undefined for plain text. */
export function findWebMarkup(text: string): string | undefined {
  return leadingMarkup(text) ?? activeMarkup(text);
}

function leadingMarkup(text: string): string | undefined {
  let rest = text;
  for (let first = true; ; first = false) {
    rest = rest.replace(leadingSpace, "");
    if (rest.startsWith("<!--")) {
      rest = rest.slice(commentEnd(rest));
    } else if (first && /^<\?xml[\s?]/.test(rest)) {
      // Only a declaration that opens the file makes it XML; after a comment it is HTML's to read.
      return xmlMarkup(text);
    } else if (rest.startsWith("<?")) {
      // HTML reads `<?php …` and any other instruction as a comment that ends at the first `>`.
      const end = rest.indexOf(">");
      rest = end === -1 ? "" : rest.slice(end + 1);
    } else if (/^<(!|\/?[a-z])/i.test(rest)) {
      return "it starts with markup";
    } else {
      return undefined;
    }
  }
}

// Where a leading `<!--` comment ends by the HTML tokenizer's rules, so `<!-->` cannot hide a tag.
function commentEnd(text: string): number {
  if (text.startsWith("<!-->")) return 5;
  if (text.startsWith("<!--->")) return 6;
  const ends = [text.indexOf("-->", 4), text.indexOf("--!>", 4)].filter((i) => i !== -1);
  if (ends.length === 0) return text.length;
  const end = Math.min(...ends);
  return end + (text.startsWith("--!>", end) ? 4 : 3);
}

const activeNamespaces = /w3\.org\/(1999\/xhtml|2000\/svg|1998\/math\/mathml|1999\/xsl\/transform|1999\/xlink)/i;

function xmlMarkup(text: string): string | undefined {
  // A DOCTYPE can declare entities that expand into markup no substring check would see.
  if (/<!(doctype|entity)/i.test(text)) return "a DOCTYPE";
  if (/<\?xml-stylesheet/i.test(text)) return "a stylesheet instruction";
  if (activeNamespaces.test(decodeReferences(text))) return "an XHTML, SVG or MathML namespace";
  return activeMarkup(text);
}

// Run by a browser even without attributes. (`<Object>` alone is a Java generic, not a plugin.)
const activeTags = /<\/?(script|svg|html|iframe)(?=[\t\n\f\r />])|<!doctype\s+html/i;
// Inert on their own, active with an attribute (data=, src=, http-equiv=, href=, action=).
const tagsWithAttributes = /<(object|embed|applet|frame|frameset|meta|base|link|form|portal)[\t\n\f\r ]+[^\s>]/i;
const markdownScriptLink = /\]\(\s*<?\s*(javascript|vbscript):/i;
const eventAttribute = /^on[a-z]{3,}$/i;

function activeMarkup(text: string): string | undefined {
  const tag = activeTags.exec(text) ?? tagsWithAttributes.exec(text);
  if (tag) return tag[1] ? `${/^[aeiou]/i.test(tag[1]) ? "an" : "a"} <${tag[1].toLowerCase()}> tag` : "an HTML DOCTYPE";
  if (markdownScriptLink.test(text)) return "a script link";
  return scriptInAttributes(text);
}

// A start tag as the tokenizer sees it: any name after `<` and a letter (`<a:b`, `<x;y` too).
const tagStart = /<[a-z][^\t\n\f\r />]*/gi;

// Reads every start tag's attributes as an HTML tokenizer does (quotes, `/`, a value glued to the
// next name), so `<img src=x onerror=…>`, `<a href="&#106;avascript:…">` and `<p/onclick=…>` show.
function scriptInAttributes(text: string): string | undefined {
  tagStart.lastIndex = 0;
  for (let match = tagStart.exec(text); match; match = tagStart.exec(text)) {
    const tag = readAttributes(text, tagStart.lastIndex);
    // A tag still open at the end of the text is dropped by browsers, with everything after it.
    if (!tag) return undefined;
    for (const [name, value] of tag.attributes) {
      if (eventAttribute.test(name)) return `an ${name.toLowerCase()} attribute`;
      if (isScriptUrl(value)) return "a script link";
    }
    tagStart.lastIndex = tag.end;
  }
  return undefined;
}

// Character codes: tab, line feed, form feed, carriage return, space; then / = > " '.
const isSpace = (c: number) => c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const [SLASH, EQUALS, GT, DQUOTE, SQUOTE] = [47, 61, 62, 34, 39];

function readAttributes(text: string, start: number): { attributes: [string, string][]; end: number } | undefined {
  const attributes: [string, string][] = [];
  const at = (i: number) => text.charCodeAt(i); // NaN past the end
  let i = start;
  for (;;) {
    while (isSpace(at(i)) || at(i) === SLASH) i++;
    if (i >= text.length) return undefined;
    if (at(i) === GT) return { attributes, end: i + 1 };
    const nameStart = i++; // the first character of a name may be "="
    while (i < text.length && !isSpace(at(i)) && at(i) !== SLASH && at(i) !== GT && at(i) !== EQUALS) i++;
    const name = text.slice(nameStart, i);
    while (isSpace(at(i))) i++;
    let value = "";
    if (at(i) === EQUALS) {
      i++;
      while (isSpace(at(i))) i++;
      const quote = at(i);
      if (quote === DQUOTE || quote === SQUOTE) {
        const close = text.indexOf(text[i]!, i + 1);
        if (close === -1) return undefined;
        value = text.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < text.length && !isSpace(at(i)) && at(i) !== GT) i++;
        value = text.slice(valueStart, i);
      }
    }
    attributes.push([name, value]);
  }
}

function isScriptUrl(value: string): boolean {
  if (!value.includes(":") && !value.includes("&")) return false; // no scheme, even once decoded
  // URL parsers drop tabs and newlines anywhere and control characters at the start.
  const url = decodeReferences(value).replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
  return /^(javascript|vbscript|livescript):/i.test(url) || /^data:\s*(text\/html|text\/xml|image\/svg|application\/(xhtml|xml))/i.test(url);
}

const namedReferences: Record<string, string> = { colon: ":", tab: "\t", newline: "\n", sol: "/", period: ".", lpar: "(", rpar: ")", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// Character references a browser expands in attribute values (`&#106;`, `&#x6A`, `&colon;`).
function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return namedReferences[ref.toLowerCase()] ?? whole;
  });
}
