/** The assignment and the version the form was rendered with; the service refuses a stale form. */
export function AssignmentRef({ id, version }: { id: string; version: number }) {
  return (
    <>
      <input type="hidden" name="assignmentId" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
}
