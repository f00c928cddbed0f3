/** Anmeld overskud: a department IT contact (or the warehouse) registers a surplus device waiting at one of their sites. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { isDataBearingCategory, mayDeclareNoData } from '../../shared/data-bearing';
import { CATEGORIES, type Device, type Specs } from '../../shared/schemas';
import { EnumOptions } from '../components/EnumOptions';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { PhotoPicker } from '../components/PhotoPicker';
import { PhotoResult } from '../components/PhotoResult';
import { focusField } from '../form-errors';
import type { FormFields } from '../form-model';
import { useTagExample } from '../scanning/scanned-tag';
import { useI18n } from '../i18n';
import { categoryKey, storageKey } from '../labels';
import { memberOf } from '../member-of';
import { uploadPhotos, type PhotoUpload } from '../photos';
import { useReference } from '../reference-context';
import { devicePath, href } from '../router';
import { useUser } from '../session-context';
import { useContractForm } from '../use-contract-form';

/** The storage types in the order people pick them (most common first). */
const STORAGE_TYPES = ['ssd', 'hdd', 'emmc', 'none'] as const satisfies readonly NonNullable<Specs['storageType']>[];
const DATA_BEARING_CHOICES = ['follow', 'yes', 'no'] as const;

/** The form's fields, in page order, by their path in devices.report's input. */
export const REPORT_FIELDS = {
  category: { label: 'report.category' },
  manufacturer: { label: 'report.manufacturer' },
  model: { label: 'report.model' },
  serial: { label: 'report.serial' },
  'specs.cpu': { label: 'report.cpu' },
  'specs.ramGb': { label: 'report.ramGb', parse: 'integer' },
  'specs.storageGb': { label: 'report.storageGb', parse: 'integer' },
  'specs.storageType': { label: 'report.storageType' },
  'specs.screenInch': { label: 'report.screenInch', parse: 'decimal' },
  weightKg: { label: 'report.weightKg', parse: 'decimal' },
  year: { label: 'report.year', parse: 'integer' },
  // "Follow the category" sends nothing: the core derives data-bearing from the category.
  dataBearing: { label: 'report.dataBearing', initial: 'follow', parse: (v) => (v === 'follow' ? undefined : v === 'yes') },
  locationId: { label: 'report.location' },
  assetTag: { label: 'report.assetTag' },
  notes: { label: 'report.notes' },
} as const satisfies FormFields<'devices.report'>;

export function ReportDevice() {
  const { t } = useI18n();
  const tagExample = useTagExample();
  const ref = useReference();
  const user = useUser();
  const admin = user.role === 'admin';

  const sites = useMemo(
    () => ref.locations.filter((l) => l.kind === 'site' && (admin || l.departmentId === user.departmentId)),
    [ref.locations, admin, user.departmentId],
  );
  const form = useContractForm('devices.report', {
    idPrefix: 'report',
    fields: REPORT_FIELDS,
    initial: { locationId: sites.length === 1 ? (sites[0]?.id ?? '') : '' },
    // An administrator reports for the administration that owns the chosen site.
    extra: (v) => ({ departmentId: admin ? ref.location(v.locationId)?.departmentId : undefined }),
    aliases: { departmentId: 'locationId' },
  });
  const [created, setCreated] = useState<Device | undefined>();
  // Photos are added once the device exists, one call each: a refused one is named on the success panel.
  const [photoFiles, setPhotoFiles] = useState<File[]>([]);
  const [photoResult, setPhotoResult] = useState<PhotoUpload | undefined>();
  const [savingPhotos, setSavingPhotos] = useState(false);
  async function reported(device: Device) {
    if (photoFiles.length > 0) {
      setSavingPhotos(true);
      try {
        setPhotoResult(await uploadPhotos(device.id, photoFiles));
      } finally {
        setSavingPhotos(false);
      }
    }
    setCreated(device);
  }
  // The form is replaced by the success panel: its heading takes the focus, or it would fall to the page body.
  const successHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (created) successHeading.current?.focus();
  }, [created]);
  const { values } = form;
  const category = memberOf(CATEGORIES, values.category);

  function another() {
    form.reset({ locationId: values.locationId });
    setCreated(undefined);
    setPhotoFiles([]);
    setPhotoResult(undefined);
    window.setTimeout(() => focusField(form.id('category')), 0);
  }

  if (created) {
    return (
      <>
        <h1>{t('report.title')}</h1>
        <div className="success-panel" role="status">
          <h2 ref={successHeading} tabIndex={-1}>
            {t('report.successTitle')}
          </h2>
          <p className="success-tag-label">{t('report.successTag')}</p>
          <p className="success-tag" data-testid="reported-asset-tag">
            {created.assetTag}
          </p>
          <p>
            {created.manufacturer} {created.model} · {t(categoryKey(created.category))}
          </p>
          <p>{t('report.successBody')}</p>
          {photoResult && <PhotoResult result={photoResult} />}
          <div className="button-row">
            <a className="button button-primary" href={href(devicePath(created.id))}>
              {t('report.successOpen')}
            </a>
            <button type="button" className="button button-secondary" onClick={another}>
              {t('report.successAnother')}
            </button>
          </div>
        </div>
      </>
    );
  }

  const sitesByDepartment = admin
    ? ref.departments.map((d) => ({ d, sites: sites.filter((s) => s.departmentId === d.id) })).filter((g) => g.sites.length > 0)
    : [];
  const dataHint = category
    ? t(isDataBearingCategory(category) ? 'report.dataBearingHintYes' : 'report.dataBearingHintNo', { category: t(categoryKey(category)) })
    : t('report.dataBearingHintNone');

  // Only the warehouse may say that a device of a data-bearing category carries no data (the core enforces it).
  const mayLower = !category || mayDeclareNoData(user.role, category);
  const dataBearingChoices = mayLower ? DATA_BEARING_CHOICES : DATA_BEARING_CHOICES.filter((c) => c !== 'no');
  const dataBearingError = form.errors.dataBearing;

  // The core refused a serial number already on record: the person looks at that device or says this is another one.
  const knownSerial = knownSerialOf(form.refusal, String(values.serial));

  type TextName = 'manufacturer' | 'model' | 'serial' | 'specs.cpu' | 'specs.ramGb' | 'specs.storageGb' | 'specs.screenInch' | 'weightKg' | 'year';
  const text = (n: TextName, opts: { inputMode?: 'numeric' | 'decimal'; className?: string } = {}) => (
    <Field {...form.field(n)} className={opts.className}>
      <input {...form.control(n)} type="text" inputMode={opts.inputMode} autoComplete="off" />
    </Field>
  );

  return (
    <>
      <h1>{t('report.title')}</h1>
      <p className="lead">{t('report.intro')}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      <form className="form" onSubmit={(e) => void form.onSubmit((d) => void reported(d))(e)} noValidate>
        <div className="form-grid">
          <Field {...form.field('category')}>
            <select {...form.control('category')}>
              <EnumOptions values={CATEGORIES} label={categoryKey} empty={t('report.chooseCategory')} />
            </select>
          </Field>
          {text('manufacturer')}
          {text('model')}
          {text('serial')}
        </div>
        {knownSerial && (
          // Right after the serial field, which has the focus after the refusal: the next Tab reaches the choice.
          <div className="duplicate-serial" data-testid="duplicate-serial">
            <p>{t('report.duplicateBody', { assetTag: knownSerial.assetTag, device: knownSerial.device })}</p>
            <div className="button-row">
              <a className="button button-secondary" href={href(devicePath(knownSerial.deviceId))}>
                {t('report.duplicateOpen', { assetTag: knownSerial.assetTag })}
              </a>
              <button type="button" className="button button-secondary" disabled={form.busy} onClick={() => void form.submit(setCreated, { acceptDuplicateSerial: true })}>
                {t('report.duplicateAnyway')}
              </button>
            </div>
          </div>
        )}

        <fieldset className="fieldset">
          <legend>{t('report.specs')}</legend>
          <div className="form-grid">
            {text('specs.cpu', { className: 'span-2' })}
            {text('specs.ramGb', { inputMode: 'numeric' })}
            {text('specs.storageGb', { inputMode: 'numeric' })}
            <Field {...form.field('specs.storageType')}>
              <select {...form.control('specs.storageType')}>
                <EnumOptions values={STORAGE_TYPES} label={storageKey} empty={t('report.storageTypeUnknown')} />
              </select>
            </Field>
            {text('specs.screenInch', { inputMode: 'decimal' })}
            {text('weightKg', { inputMode: 'decimal' })}
            {text('year', { inputMode: 'numeric' })}
          </div>
        </fieldset>

        <fieldset
          className={`fieldset${dataBearingError ? ' field-invalid' : ''}`}
          aria-describedby={`report-dataBearing-hint${dataBearingError ? ' report-dataBearing-error' : ''}`}
        >
          <legend>{t('report.dataBearing')}</legend>
          <p id="report-dataBearing-hint" className="hint">
            {dataHint}
          </p>
          <div className="radio-row">
            {dataBearingChoices.map((opt, i) => {
              // The first radio carries the field's id, so the error summary and the focus reach the group.
              const id = i === 0 ? form.id('dataBearing') : `report-dataBearing-${opt}`;
              return (
                <label key={opt} className="radio" htmlFor={id}>
                  <input type="radio" name="dataBearing" id={id} value={opt} checked={values.dataBearing === opt} onChange={() => form.set('dataBearing', opt)} />
                  {t(opt === 'follow' ? 'report.dataBearingFollow' : opt === 'yes' ? 'report.dataBearingYes' : 'report.dataBearingNo')}
                </label>
              );
            })}
          </div>
          {dataBearingError && (
            <p id="report-dataBearing-error" className="field-error">
              {dataBearingError}
            </p>
          )}
        </fieldset>

        <div className="form-grid">
          <Field {...form.field('locationId', sites.length === 0 ? t('report.noSites') : undefined)}>
            <select {...form.control('locationId', { hint: sites.length === 0 })}>
              <option value="">{t('report.chooseLocation')}</option>
              {admin
                ? sitesByDepartment.map((g) => (
                    <optgroup key={g.d.id} label={ref.departmentLabel(g.d.id)}>
                      {g.sites.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </optgroup>
                  ))
                : sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
            </select>
          </Field>
          <Field {...form.field('assetTag', t('report.assetTagHint', { example: tagExample }))}>
            <input {...form.control('assetTag', { hint: true })} type="text" className="mono" autoComplete="off" spellCheck={false} placeholder={tagExample} data-scan-fill />
          </Field>
        </div>

        <Field {...form.field('notes')}>
          <textarea {...form.control('notes')} rows={3} />
        </Field>

        <PhotoPicker id="report-photos" label={t('photos.field')} onChange={setPhotoFiles} disabled={form.busy || savingPhotos} />

        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={form.busy || savingPhotos}>
            {savingPhotos ? t('photos.saving') : form.busy ? t('report.submitting') : t('report.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

/** The device a SERIAL_EXISTS refusal named, while the serial field still holds the refused number. */
function knownSerialOf(refusal: { code: string; params: Record<string, string | number> } | undefined, serial: string) {
  if (refusal?.code !== 'SERIAL_EXISTS') return undefined;
  const { serial: known, assetTag, deviceId, device } = refusal.params;
  if (String(known).trim().toLowerCase() !== serial.trim().toLowerCase()) return undefined;
  return { assetTag: String(assetTag), deviceId: String(deviceId), device: String(device) };
}
