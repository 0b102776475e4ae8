import { formatBytes } from "@/components/files/format-bytes";

type FileRow = { id: string; name: string; size: number };

/** Download links, named by the file's display name; the route authorizes every download. */
// No aria-label: getByLabel("Files") must find only the file input on a page with a delivery form.
export function FileLinks({ files }: { files: FileRow[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-baseline gap-x-2">
          <a href={`/api/files/${file.id}`} download className="break-all font-medium text-brand-700 underline">
            {file.name}
          </a>
          <span className="text-xs text-slate-500">{formatBytes(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}
