import { describe, expect, it } from "vitest";
import { renderMail } from "./layout";

const hostile = `<script>alert("x")</script> O'Brien & "Co"`;

describe("renderMail", () => {
  it("escapes every value in the HTML and keeps the words readable in the text", () => {
    const { html, text } = renderMail({
      title: hostile,
      paragraphs: [`Message from ${hostile}`, "Line one\nLine two"],
      action: { label: `Open ${hostile}`, url: `https://portal.example/x?a=1&b="2"` },
      footer: { reason: `Because ${hostile}`, preferencesUrl: "https://portal.example/profile", unsubscribeUrl: "https://portal.example/u?t=1" },
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain(`"Co"`);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;");
    expect(html).toContain(`href="https://portal.example/x?a=1&amp;b=&quot;2&quot;"`);
    expect(html).toContain("Line one<br>Line two");
    expect(html).toContain("Nano Problem");
    expect(html).toContain(`href="https://portal.example/profile"`);
    expect(text).toContain(`Message from ${hostile}`);
    expect(text).toContain("Unsubscribe from these emails: https://portal.example/u?t=1");
  });

  it("puts single-line values on one line in the text, so no line can be forged", () => {
    const { text } = renderMail({ title: "Hello\r\nFake: header", paragraphs: [], action: { label: "Go\nnow", url: "https://a.example/\r\nx" } });
    expect(text.split("\n")[0]).toBe("Hello Fake: header");
    expect(text).toContain("Go now: https://a.example/ x");
  });

  it("never makes a javascript: link clickable", () => {
    const { html, text } = renderMail({ title: "t", paragraphs: [], action: { label: "Click", url: "javascript:alert(1)" }, footer: { reason: "r", unsubscribeUrl: "javascript:alert(2)" } });
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain("Unsubscribe");
    expect(text).toContain("Click: javascript:alert(1)");
  });
});
