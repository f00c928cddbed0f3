/** The end of a scan station's form: the big submit button with its busy spinner. */
export function ScanSubmit({ label, busy }: { label: string; busy: boolean }) {
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary button-large">
        {label}
      </button>
      {busy && <span className="spinner" aria-hidden="true" />}
    </div>
  );
}
