import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">This area belongs to another role.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to your area
      </Link>
    </main>
  );
}
