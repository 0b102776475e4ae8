import { escapeHtml } from "./escape-html";
import { oneLine } from "./one-line";

export const PRODUCT_NAME = "Nano Problem";

export type MailContent = {
  title: string;
  /** Plain text, one paragraph each; may hold a user's words (escaped here, never trusted). */
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: { reason: string; preferencesUrl?: string; unsubscribeUrl?: string };
};

/**
 * Text and simple HTML from one source, so the two versions never say different things. Plain
 * templates rather than React Email: the messages are a title, paragraphs and one button, and this
 * keeps rendering a pure function with nothing to compile.
 */
export function renderMail(input: MailContent): { text: string; html: string } {
  return { text: renderText(input), html: renderHtml(input) };
}

function renderText({ title, paragraphs, action, footer }: MailContent): string {
  const lines = [oneLine(title), "", ...paragraphs.flatMap((p) => [p.replace(/\r\n?/g, "\n"), ""])];
  if (action) lines.push(`${oneLine(action.label)}: ${oneLine(action.url)}`, "");
  lines.push("—", PRODUCT_NAME);
  if (footer) {
    lines.push(oneLine(footer.reason));
    if (footer.preferencesUrl) lines.push(`Change which emails you get: ${oneLine(footer.preferencesUrl)}`);
    if (footer.unsubscribeUrl) lines.push(`Unsubscribe from these emails: ${oneLine(footer.unsubscribeUrl)}`);
  }
  return `${lines.join("\n")}\n`;
}

// Only http(s) links become buttons: a "javascript:" URL in a mail is never clickable.
function safeHref(url: string): string | null {
  const trimmed = oneLine(url);
  return /^https?:\/\//i.test(trimmed) ? escapeHtml(trimmed) : null;
}

const font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function renderHtml({ title, paragraphs, action, footer }: MailContent): string {
  const body = paragraphs
    .map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");
  const href = action ? safeHref(action.url) : null;
  const button =
    action && href
      ? `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(oneLine(action.label))}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">If the button does not work, copy this link into your browser:<br><a href="${href}" style="color:#1d4ed8;word-break:break-all">${href}</a></p>`
      : "";
  const footerLinks = footer
    ? [
        footer.preferencesUrl && safeHref(footer.preferencesUrl)
          ? `<a href="${safeHref(footer.preferencesUrl)}" style="color:#555">Change which emails you get</a>`
          : "",
        footer.unsubscribeUrl && safeHref(footer.unsubscribeUrl)
          ? `<a href="${safeHref(footer.unsubscribeUrl)}" style="color:#555">Unsubscribe</a>`
          : "",
      ].filter(Boolean)
    : [];
  const footerHtml = footer
    ? `<p style="margin:0 0 8px">${escapeHtml(oneLine(footer.reason))}</p>${footerLinks.length ? `<p style="margin:0">${footerLinks.join(" · ")}</p>` : ""}`
    : "";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(oneLine(title))}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;${font};color:#18181b">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<p style="margin:0 0 16px;font-size:14px;font-weight:700;color:#1d4ed8">${PRODUCT_NAME}</p>
<div style="background:#ffffff;border-radius:8px;padding:24px;border:1px solid #e4e4e7">
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${escapeHtml(oneLine(title))}</h1>
${body}
${button}
</div>
<div style="padding:16px 4px;font-size:12px;color:#555">
<p style="margin:0 0 8px">${PRODUCT_NAME}</p>
${footerHtml}
</div>
</div>
</body>
</html>
`;
}
