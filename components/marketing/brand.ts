/** The words every preview of the site uses: tab title, social cards, the Open Graph image. */
export const brand = {
  name: "Nano Problem",
  tagline: "Academic help from vetted teachers",
  description:
    "Written papers, homework solutions and exam support from vetted teachers. Send your brief, get matched, and pay only invoices our admins have approved, by Stripe or PayPal.",
  colour: "#2457d6",
} as const;
