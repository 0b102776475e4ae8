import { ImageResponse } from "next/og";
import { brand } from "@/components/marketing/brand";

export const alt = `${brand.name}: ${brand.tagline}`;
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const services = ["Written papers", "Homework solutions", "Exam support"];

/** The social preview: name, promise and the three services, in the site's colours. */
export default function OpenGraphImage() {
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 80, background: "linear-gradient(135deg, #ffffff 0%, #eef6ff 60%, #d9eaff 100%)", color: "#0f172a" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          <svg width="88" height="88" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="8" fill={brand.colour} />
            <path d="M10.5 22V10l11 12V10" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
            <circle cx="24.5" cy="7.5" r="2.5" fill="#fbbf24" />
          </svg>
          <div style={{ fontSize: 48, fontWeight: 700, letterSpacing: -1 }}>{brand.name}</div>
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 28 }}>
          <div style={{ fontSize: 76, fontWeight: 700, letterSpacing: -2, lineHeight: 1.05, maxWidth: 960 }}>{brand.tagline}</div>
          <div style={{ display: "flex", gap: 16 }}>
            {services.map((service) => (
              <div key={service} style={{ display: "flex", fontSize: 30, color: "#1c45ad", background: "#ffffff", border: "2px solid #d9eaff", borderRadius: 999, padding: "10px 26px" }}>
                {service}
              </div>
            ))}
          </div>
        </div>
        <div style={{ display: "flex", fontSize: 28, color: "#475569" }}>Pay only approved invoices · Stripe and PayPal · Private files</div>
      </div>
    ),
    size,
  );
}
