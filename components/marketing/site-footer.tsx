import Link from "next/link";
import { Logo } from "./logo";
import { sectionLinks } from "./site-header";

const groups = [
  { title: "Product", links: [...sectionLinks, { href: "/register", label: "Create an account" }] },
  {
    title: "Company",
    links: [
      { href: "/contact", label: "Contact" },
      { href: "/terms", label: "Terms" },
      { href: "/privacy", label: "Privacy" },
    ],
  },
] as const;

export function SiteFooter({ year }: { year: number }) {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-6xl grid-cols-2 gap-10 px-4 py-14 sm:px-6 md:grid-cols-[1fr_auto_auto] md:gap-20">
        <div className="col-span-2 max-w-xs md:col-span-1">
          <Link href="/" className="rounded-md">
            <Logo />
          </Link>
          <p className="mt-4 text-sm leading-6 text-slate-600">
            Academic help from vetted teachers: written papers, homework solutions and exam support.
          </p>
        </div>
        {groups.map((group) => (
          <nav key={group.title} aria-label={group.title}>
            <h2 className="text-sm font-semibold text-slate-900">{group.title}</h2>
            <ul className="mt-4 space-y-3">
              {group.links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-sm text-slate-600 transition-colors hover:text-slate-900">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ))}
      </div>
      <div className="border-t border-slate-200">
        <p className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-600 sm:px-6">© {year} Nano Problem. All rights reserved.</p>
      </div>
    </footer>
  );
}
