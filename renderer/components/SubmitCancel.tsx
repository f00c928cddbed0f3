/** A form's buttons: submit (showing that it works while busy) and cancel. */
interface Props {
  busy: boolean;
  label: string;
  busyLabel: string;
  cancelLabel: string;
  onCancel(): void;
}

export function SubmitCancel({ busy, label, busyLabel, cancelLabel, onCancel }: Props) {
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
