/**
 * Reference data (administrations, units, locations, settings), fetched once after sign-in so every screen
 * can show names instead of ids.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ProcedureOutput } from '../shared/contract';
import type { Department, Location } from '../shared/schemas';
import { client } from './api/instance';
import { LoadError } from './components/LoadError';
import { Loading } from './components/Loading';
import { useI18n } from './i18n';
import { useAsync } from './use-async';

type ReferenceData = ProcedureOutput<'reference.get'>;

export interface Reference extends ReferenceData {
  department(id: string | undefined): Department | undefined;
  /** "Børne- og Ungdomsforvaltningen" (or the English name), or the id if unknown. */
  departmentName(id: string | undefined): string;
  /** "BUF", or the id if unknown. */
  departmentCode(id: string | undefined): string;
  /** "Børne- og Ungdomsforvaltningen (BUF)" */
  departmentLabel(id: string | undefined): string;
  location(id: string | undefined): Location | undefined;
  /** A shelf reads "Centrallager · Hylde A-01"; unknown ids are shown as they are. */
  locationName(id: string | undefined): string;
  /** Fetch again after a change to them (an admin's change on Organisation or Indstillinger), keeping the current data meanwhile. */
  reload(): void;
}

const ReferenceContext = createContext<Reference | undefined>(undefined);

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const { data, error, loading, reload } = useAsync(() => client.call('reference.get', {}), []);

  const value = useMemo<Reference | undefined>(() => {
    if (!data) return undefined;
    const departments = new Map(data.departments.map((d) => [d.id, d]));
    const locations = new Map(data.locations.map((l) => [l.id, l]));
    const locationName = (id: string | undefined): string => {
      const l = id === undefined ? undefined : locations.get(id);
      if (!l) return id ?? '';
      const parent = l.parentId ? locations.get(l.parentId) : undefined;
      return parent ? `${parent.name} · ${l.name}` : l.name;
    };
    const departmentName = (id: string | undefined): string => {
      const d = id === undefined ? undefined : departments.get(id);
      return d ? (locale === 'en' ? d.nameEn : d.name) : (id ?? '');
    };
    return {
      ...data,
      department: (id) => (id === undefined ? undefined : departments.get(id)),
      departmentName,
      departmentLabel: (id) => {
        const d = id === undefined ? undefined : departments.get(id);
        return d ? `${departmentName(id)} (${d.code})` : (id ?? '');
      },
      departmentCode: (id) => (id === undefined ? '' : (departments.get(id)?.code ?? id)),
      location: (id) => (id === undefined ? undefined : locations.get(id)),
      locationName,
      reload,
    };
  }, [data, locale, reload]);

  if (!value) {
    return (
      <main className="page" id="main">
        {error !== undefined && !loading ? <LoadError error={error} onRetry={reload} /> : <Loading label={t('app.loadingReference')} />}
      </main>
    );
  }
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const ctx = useContext(ReferenceContext);
  if (!ctx) throw new Error('useReference outside ReferenceProvider');
  return ctx;
}
