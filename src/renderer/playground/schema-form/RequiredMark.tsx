/**
 * The red star of a required field. Hidden from the accessibility tree: the control says it with
 * aria-required, and the label's name stays exactly the field's name (getByLabel('owner', { exact: true })).
 */
export function RequiredMark() {
  return (
    <span className="pg-required" title="Required" aria-hidden="true">
      *
    </span>
  );
}
