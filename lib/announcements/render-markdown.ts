import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// A private instance, so no other module's marked.use() can change how announcements render.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML in Markdown is never wanted here: it is shown as text, so the reader sees what was typed.
    html: ({ text }) => escapeHtml(text),
    // Images would load from anywhere on every page view; the alt text is kept instead.
    image: ({ text }) => escapeHtml(text),
  },
});

/**
 * The only tags and attributes an announcement may produce. Raw HTML typed into the Markdown is
 * dropped with its content for script-like tags, and escaped away otherwise; links keep only
 * http, https and mailto and never open the site to the linked page.
 */
const policy: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr"],
  // rel and target are set by transformTags below, which runs before the attribute filter.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "title", "xmp"],
  // Headings in an announcement sit under the page's own: h1/h2 become h3, the rest h4.
  transformTags: {
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

/** Markdown to HTML that is safe to put in the page as it is (server side only). */
export function renderAnnouncementMarkdown(source: string): string {
  // The sanitizer is the guarantee; the renderer above only makes typed HTML readable instead of dropped.
  return sanitizeHtml(markdown.parse(source, { async: false }), policy);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
