import { describe, expect, it } from "vitest";
import { renderAnnouncementMarkdown as render } from "./render-markdown";

const allowedTags = ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr"];

/** The real markup of the output (escaped text like "&lt;b&gt;" is not markup): each tag and its attributes. */
function markup(html: string): { tag: string; attributes: [string, string][] }[] {
  return [...html.matchAll(/<([a-z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].map((m) => ({
    tag: m[1]!.toLowerCase(),
    attributes: [...(m[2] ?? "").matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1]!.toLowerCase(), a[2] ?? ""]),
  }));
}

function expectSafe(html: string): void {
  // Every "<" left is the start of allowed markup; anything typed is escaped.
  expect(html.match(/</g)?.length ?? 0).toBe((html.match(/<\/?[a-z0-9]+[\s>/]/gi) ?? []).length);
  for (const { tag, attributes } of markup(html)) {
    expect(allowedTags).toContain(tag);
    for (const [name, value] of attributes) {
      expect(tag === "a" ? ["href", "rel", "target"] : []).toContain(name);
      if (name === "href") expect(value).toMatch(/^(https?:|mailto:)/);
    }
  }
}

describe("announcement Markdown", () => {
  it("renders the Markdown an admin writes", () => {
    const html = render("# Exams\n\nRooms **change** on *Monday*.\n\n- one\n- two\n\n> quoted\n\n`code`");
    expect(html).toContain("<h3>Exams</h3>");
    expect(html).toContain("<strong>change</strong>");
    expect(html).toContain("<em>Monday</em>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<code>code</code>");
  });

  it("gives links rel noopener noreferrer nofollow and keeps http, https and mailto", () => {
    const html = render("[site](https://example.test/a?b=1) [plain](http://example.test) [mail](mailto:help@example.test)");
    expect(html).toContain('<a href="https://example.test/a?b=1" rel="noopener noreferrer nofollow" target="_blank">site</a>');
    expect(html).toContain('href="http://example.test"');
    expect(html).toContain('href="mailto:help@example.test"');
    expect(html.match(/rel="noopener noreferrer nofollow"/g)).toHaveLength(3);
    expectSafe(html);
  });

  it.each([
    ["javascript:", "[click](javascript:alert(1))"],
    ["mixed-case javascript:", "[click](JaVaScRiPt:alert(document.cookie))"],
    ["an entity-encoded scheme", "[click](jav&#x61;script:alert(1))"],
    ["a tab inside the scheme", "[click](java&#x09;script:alert(1))"],
    ["data:", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript:", "[click](vbscript:msgbox(1))"],
    ["protocol-relative", "[click](//evil.example/x)"],
    ["an autolink", "<javascript:alert(1)>"],
  ])("drops a %s link's target", (_name, source) => {
    const html = render(source);
    expectSafe(html);
    expect(html).not.toMatch(/href=/i);
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["a script inside a paragraph", "Hello <script>alert(1)</script> there"],
    ["an onerror image", '<img src="x" onerror="alert(1)">'],
    ["an onclick bold", "text <b onclick=alert(1)>hi</b>"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style block", "<style>body{display:none}</style>"],
    ["an svg with onload", "<svg onload=alert(1)><circle/></svg>"],
    ["a form", '<form action="https://evil.example"><input name=p></form>'],
    ["a raw link", '<a href="javascript:alert(1)">x</a>'],
    ["a raw div block", "<div style=\"position:fixed\">cover</div>\n\nafter"],
  ])("lets no raw HTML through: %s", (_name, source) => {
    const html = render(source);
    expectSafe(html);
    expect(html).not.toMatch(/<(script|img|iframe|style|svg|form|input|div|b)[\s>/]/i);
  });

  it("shows typed HTML as text, so the reader sees what was written", () => {
    expect(render("Use <b>tags</b>")).toBe("<p>Use &lt;b&gt;tags&lt;/b&gt;</p>\n");
  });

  it("attributes cannot be smuggled through Markdown link titles or image alt text", () => {
    const html = render('[x](https://example.test "t\\" onmouseover=\\"alert(1)") ![a" onerror="alert(1)](https://example.test/i.png)');
    expectSafe(html);
    expect(html).not.toContain("<img");
  });
});
