/** A form's message per field: the first issue about each top-level field, as zod reports them. */
export function fieldErrors<Field extends string>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const name = issue.path[0];
    if (typeof name === "string" && !(name in errors)) errors[name as Field] = issue.message;
  }
  return errors;
}
