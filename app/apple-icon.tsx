import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

// iOS ignores SVG icons and rounds the corners itself, so this is the mark on a full square.
export default function AppleIcon() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#2457d6" }}>
        <svg width="132" height="132" viewBox="0 0 32 32">
          <path d="M10.5 22V10l11 12V10" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
          <circle cx="24.5" cy="7.5" r="2.5" fill="#fbbf24" />
        </svg>
      </div>
    ),
    size,
  );
}
