/** The page around what shows before anyone is signed in (the profile picker, first start's setup): the brand and the language switch. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { ConnectionMode } from './ConnectionMode';
import { LanguageSwitch } from './LanguageSwitch';

export function SignedOutPage({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ↻
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <div className="header-right">
          <ConnectionMode />
          <LanguageSwitch />
        </div>
      </header>
      <main className="page page-narrow" id="main">
        {children}
      </main>
    </div>
  );
}
