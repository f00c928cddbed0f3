/** A field for one asset tag that takes a handheld scanner's burst as its value (data-scan-fill), not as a scan. */
export function TagInput({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(value: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" className="mono" value={value} onChange={(e) => onChange(e.target.value)} data-scan-fill autoComplete="off" spellCheck={false} />
    </div>
  );
}
