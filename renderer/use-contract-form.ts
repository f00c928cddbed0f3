/**
 * The one form mechanism: a form's values are the input of one procedure of the contract. Required fields,
 * the client's errors and their words come from that procedure's zod input schema (form-model.ts); the
 * server's field errors land at the same fields. On a refused submit the first field in error gets the focus
 * and the error summary lists every problem.
 */
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { contract, type ProcedureInput, type ProcedureName, type ProcedureOutput } from '../shared/contract';
import { ApiError } from './api/client';
import { client, errorFields, errorText } from './api/instance';
import type { SummaryItem } from './components/ErrorSummary';
import { fieldA11y, focusField, type FieldErrors } from './form-errors';
import {
  checkForm,
  firstInOrder,
  initialValues,
  mergeErrors,
  placeErrors,
  requiredPaths,
  stillCurrent,
  type CheckboxFieldSpec,
  type FieldSpec,
  type FormFields,
  type FormValues,
  type Unplaced,
} from './form-model';
import { useI18n } from './i18n';

type TextName<F> = { [K in keyof F]: F[K] extends CheckboxFieldSpec ? never : K }[keyof F] & string;
type CheckboxName<F> = { [K in keyof F]: F[K] extends CheckboxFieldSpec ? K : never }[keyof F] & string;

export interface ContractFormOptions<F> {
  /** Prefix of the controls' ids: "report" → "report-manufacturer", "report-specs-ramGb". */
  idPrefix: string;
  fields: F;
  /** Start values that differ from the fields' own (e.g. the only site preselected). */
  initial?: Partial<FormValues<F>>;
  /** Input values that no field holds (a device id, the administration of the chosen site). */
  extra?: (values: FormValues<F>) => Record<string, unknown>;
  /** Input paths the core may name that are shown at a field of another name (departmentId → locationId). */
  aliases?: Readonly<Record<string, keyof F & string>>;
  /**
   * Rules the contract's schema cannot state because they depend on reference data (a start position must
   * exist on the chosen label stock): a message by field, checked with the schema and preferred over its words.
   */
  rules?: (values: FormValues<F>) => Partial<Record<keyof F & string, string>>;
  /**
   * Input paths that no field holds but a control the screen draws itself does (a list's rows:
   * "certifications.0.number"): its control's id and label, so its errors show at it and the summary links there.
   */
  rowControl?: (path: string) => { id: string; label: string } | undefined;
  /**
   * Fields this screen requires although the schema lets them out, because the core requires them in a mode
   * (shared mode's setup code and first password): marked required, and "required" when left empty.
   */
  required?: readonly (keyof F & string)[];
}

interface Shown {
  message: string;
  client: FieldErrors;
  server: FieldErrors;
  /** The values the server answered about; its errors hold while their field still has that value. */
  seen: Record<string, unknown>;
  unplaced: Unplaced[];
  /** The core's refusal behind the message, for a screen that offers a way on (a known serial: "report anyway"). */
  refusal?: { code: string; params: Record<string, string | number> };
}

/** The unplaced errors a row control holds, by input path (the first message for a path wins). */
function rowErrorsOf(unplaced: readonly Unplaced[], rowControl: ContractFormOptions<unknown>['rowControl']): FieldErrors {
  const out: FieldErrors = {};
  if (rowControl) for (const u of unplaced) if (rowControl(u.path)) out[u.path] ??= u.message;
  return out;
}

export function useContractForm<P extends ProcedureName, F extends FormFields<P> & Record<string, FieldSpec>>(
  procedure: P,
  options: ContractFormOptions<F>,
) {
  const { t, locale } = useI18n();
  const { idPrefix, fields, aliases } = options;
  const schema = contract[procedure].input;
  const required = useMemo(() => requiredPaths(schema), [schema]);
  const paths = Object.keys(fields) as (keyof F & string)[]; // why: Object.keys types keys as string; these are exactly F's
  const [values, setValues] = useState<FormValues<F>>(() => ({ ...initialValues(fields), ...options.initial }));
  const [shown, setShown] = useState<Shown | undefined>();
  const [busy, setBusy] = useState(false);

  const errors = shown ? mergeErrors(shown.client, shown.server) : {};
  const rowErrors = shown ? rowErrorsOf(shown.unplaced, options.rowControl) : {};
  const idOf = (name: keyof F & string) => `${idPrefix}-${name.replace(/\./g, '-')}`;
  const isRequired = (name: keyof F & string) => !fields[name].checkbox && (required.has(name) || (options.required?.includes(name) ?? false));

  function set<K extends keyof F & string>(name: K, value: FormValues<F>[K]): void {
    setValues((old) => ({ ...old, [name]: value }));
  }

  function show(next: Shown): void {
    setShown(next);
    const first = firstInOrder(paths, mergeErrors(next.client, next.server));
    const firstRow = next.unplaced.map((u) => options.rowControl?.(u.path)).find((c) => c !== undefined);
    if (first !== undefined) focusField(idOf(first));
    else if (firstRow) focusField(firstRow.id);
  }

  /** The client's check of every field (schema and rules); `extraNow` completes or overrides `extra`. */
  function check(extraNow?: Record<string, unknown>) {
    const empty = (options.required ?? []).filter((name) => String(values[name]).trim() === '');
    const ruled = { ...Object.fromEntries(empty.map((name) => [name, t('validation.required')])), ...options.rules?.(values) };
    return checkForm(schema, fields, values, { locale, t, extra: { ...options.extra?.(values), ...extraNow }, ruled });
  }

  /** Show the client's errors: at their fields, or in the summary when no field holds them (unless `fieldsOnly`). */
  function showClient(errors: FieldErrors, fieldsOnly = false): void {
    const { placed, unplaced } = placeErrors(errors, paths, aliases);
    const server = shown ? stillCurrent(shown.server, shown.seen, values) : {};
    show({ message: t('validation.clientSummary'), client: placed, server, seen: shown?.seen ?? {}, unplaced: fieldsOnly ? [] : unplaced });
  }

  /**
   * Check, call the procedure, and hand its answer to `onDone`. `extraNow` supplies input values known only
   * now (the tags another procedure has just reserved).
   */
  async function submit(onDone: (output: ProcedureOutput<P>) => void, extraNow?: Record<string, unknown>): Promise<void> {
    if (busy) return;
    const checked = check(extraNow);
    if (!checked.input) return showClient(checked.errors);
    setBusy(true);
    try {
      const output = await client.call(procedure, checked.input as ProcedureInput<P>); // why: the procedure's own schema accepted this input
      setShown(undefined);
      onDone(output);
    } catch (ex) {
      const { placed, unplaced } = placeErrors(errorFields(ex), paths, aliases);
      const refusal = ex instanceof ApiError ? { code: ex.code, params: ex.body.params ?? {} } : undefined;
      show({ message: errorText(ex, t('common.unexpectedError')), client: {}, server: placed, seen: values, unplaced, ...(refusal ? { refusal } : {}) });
    } finally {
      setBusy(false);
    }
  }

  /** The form's submit handler: check, call the procedure, and hand its answer to `onDone`. */
  const onSubmit = (onDone: (output: ProcedureOutput<P>) => void) => async (e: FormEvent) => {
    e.preventDefault();
    await submit(onDone);
  };

  /**
   * Check the fields alone, before another step supplies the rest of the input (labels.pdf before
   * tags.allocate has reserved the tags): shows their errors and says whether there were none.
   */
  function checkFields(): boolean {
    const { placed } = placeErrors(check().errors, paths, aliases);
    if (Object.keys(placed).length === 0) {
      setShown(undefined);
      return true;
    }
    showClient(placed, true);
    return false;
  }

  const summary: { message: string; items: SummaryItem[] } | undefined = shown && {
    message: shown.message,
    items: [
      ...paths.filter((p) => errors[p]).map((p) => ({ targetId: idOf(p), label: t(fields[p].label), message: errors[p] ?? '' })),
      ...shown.unplaced.map((u) => {
        const row = options.rowControl?.(u.path);
        return row ? { targetId: row.id, label: row.label, message: u.message } : { label: u.path, message: u.message };
      }),
    ],
  };

  return {
    values,
    set,
    errors,
    busy,
    summary,
    /** The core's refusal of the last submit while its errors are shown (code and parameters). */
    refusal: shown?.refusal,
    onSubmit,
    submit,
    checkFields,
    id: idOf,
    required: isRequired,
    /** Start again with the fields' start values, keeping those given. */
    reset(keep?: Partial<FormValues<F>>): void {
      setValues({ ...initialValues(fields), ...keep });
      setShown(undefined);
    },
    /** The error at an input path a row control holds (see `rowControl`), if any. */
    rowError(path: string): string | undefined {
      return rowErrors[path];
    },
    /** Props for <Field>: id, label, error and whether it is required (else marked optional). */
    field(name: keyof F & string, hint?: string) {
      const req = isRequired(name);
      return { id: idOf(name), label: t(fields[name].label), error: errors[name], hint, required: req, optional: !req };
    },
    /** Props for the <input>, <select> or <textarea> of a text field. */
    control(name: TextName<F>, opts: { hint?: boolean } = {}) {
      return {
        ...fieldA11y(idOf(name), { hint: opts.hint, error: errors[name] }),
        'aria-required': isRequired(name) || undefined,
        value: String(values[name]),
        onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
          set(name, e.target.value as FormValues<F>[TextName<F>]), // why: a text field's value is a string (FormValues)
      };
    },
    /** Props for the <input type="checkbox"> of a checkbox field. */
    checkbox(name: CheckboxName<F>) {
      return {
        ...fieldA11y(idOf(name), { error: errors[name] }),
        type: 'checkbox' as const,
        checked: values[name] === true,
        onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.target.checked as FormValues<F>[CheckboxName<F>]), // why: a checkbox field's value is a boolean (FormValues)
      };
    },
  };
}
