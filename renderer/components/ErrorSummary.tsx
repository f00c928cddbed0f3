/** The error summary above a form: the overall message and each field's problem, with a way to jump to it. */
import { focusField } from '../form-errors';
import { useT } from '../i18n';

export interface SummaryItem {
  /** The input's id, when the field is on the form. */
  targetId?: string | undefined;
  label: string;
  message: string;
}

export function ErrorSummary({ message, items }: { message: string; items: SummaryItem[] }) {
  const t = useT();
  return (
    <div className="banner banner-error error-summary" role="alert">
      <span className="banner-icon" aria-hidden="true" />
      <div className="banner-body">
        <p className="error-summary-message">{message}</p>
        {items.length > 0 && (
          <>
            <p className="error-summary-title">{t('validation.summaryTitle')}</p>
            <ul>
              {items.map((item) => (
                <li key={`${item.label}-${item.message}`}>
                  {item.targetId ? (
                    <button type="button" className="link-button" onClick={() => focusField(item.targetId ?? '')}>
                      {item.label}: {item.message}
                    </button>
                  ) : (
                    <span>
                      {item.label}: {item.message}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
