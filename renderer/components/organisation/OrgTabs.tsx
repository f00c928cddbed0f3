/**
 * The Organisation screen's tabs (WAI-ARIA tabs): one tab stop, arrow keys, Home and End move between tabs and
 * choose them; the panel below is labelled by its tab.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n';

interface Props<T extends string> {
  tabs: readonly T[];
  label: (tab: T) => MessageKey;
  current: T;
  onChoose(tab: T): void;
}

export const tabId = (tab: string) => `org-tab-${tab}`;
export const panelId = (tab: string) => `org-panel-${tab}`;

export function OrgTabs<T extends string>({ tabs, label, current, onChoose }: Props<T>) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  function onKeyDown(e: KeyboardEvent) {
    const at = tabs.indexOf(current);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (tab === undefined) return;
    onChoose(tab);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(tab)}`)?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label={t('org.tabs')} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-selected={tab === current}
          aria-controls={panelId(tab)}
          tabIndex={tab === current ? 0 : -1}
          className={`tab${tab === current ? ' tab-current' : ''}`}
          onClick={() => onChoose(tab)}
        >
          {t(label(tab))}
        </button>
      ))}
    </div>
  );
}
