/** The "next" link of a rendered list: the pager's rel="next", or the inbox's "Load more", the notifications' "Load older". */
export function nextHref(html: string): string | null {
  for (const match of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attrs = match[1]!;
    const text = match[2]!.replace(/<[^>]+>/g, "").trim();
    if (!/\brel="next"/.test(attrs) && !/^(Load older|Load more|Older entries|Next)$/.test(text)) continue;
    const href = /\bhref="([^"]+)"/.exec(attrs)?.[1];
    if (href) return href.replace(/&amp;/g, "&");
  }
  return null;
}

/**
 * The deep page a user reaches from `path`: a numbered list jumps to the last page its pager
 * offers ("Page 1 of N"); a keyset list (cursor, before) follows its "older" link `hops` times.
 */
export async function deepUrl(appUrl: string, path: string, cookie: string, hops: number): Promise<string> {
  const get = async (url: string) => {
    const response = await fetch(`${appUrl}${url}`, { headers: { cookie }, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return response.text();
  };
  let html = await get(path);
  const first = nextHref(html);
  if (!first) throw new Error(`${path} has no next page`);
  const pageCount = /Page (\d+) of (\d+)/.exec(html.replace(/<!-- -->/g, ""))?.[2];
  const numbered = new URL(first, appUrl);
  if (pageCount && numbered.searchParams.get("page") === "2") {
    numbered.searchParams.set("page", pageCount);
    return `${numbered.pathname}${numbered.search}`;
  }
  let current = first;
  for (let hop = 1; hop < hops; hop++) {
    html = await get(current);
    const next = nextHref(html);
    if (!next) break;
    current = next;
  }
  return current;
}
