/** A refused upload's message, announced; the field messages sit beside their fields. */
export function UploadMessage({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="status" aria-live="polite" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
