/** A message body split into plain text and links; rendered as text nodes, never as HTML. */
export type BodyPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// http(s) URLs and bare www. hosts; anything else (javascript:, data:, mailto:) stays text.
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"\]}>]+$/;

/** Drops punctuation that ends the sentence rather than the URL, keeping a balanced ")" (Wikipedia links). */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING, "");
  while (url.endsWith(")") && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1).replace(TRAILING, "");
  return url;
}

/** The href to use, or null when the text does not make a safe http(s) URL. */
export function safeHref(text: string): string | null {
  const candidate = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function splitLinks(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(CANDIDATE)) {
    const start = match.index;
    // Part of a longer word ("foohttp://"): the \b allows it, a link would surprise.
    if (start > 0 && /[\w@/]/.test(body[start - 1] ?? "")) continue;
    const text = trimUrl(match[0]);
    const href = safeHref(text);
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", text: body.slice(last, start) });
    parts.push({ kind: "link", text, href });
    last = start + text.length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}
