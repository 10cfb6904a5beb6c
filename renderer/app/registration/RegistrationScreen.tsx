import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { registrationFormSchema, type RegistrationForm } from '../../../shared/contract/registration';
import { crossCheckNik, type ParsedNik } from '../../../shared/domain/nik';
import { formatDate, type Lang } from '../../../shared/dates';
import { occupations } from '../../../shared/domain/occupations';
import type { MessageParams } from '../../../shared/errors';
import { api, isApiError } from '../../api/client';
import { DateField, TextField } from '../../components/Field';
import { messageText } from '../../i18n';
import { applyServerErrors, errorText } from '../form-errors';
import { payFor } from '../payment/handoff';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { DuplicateNotice } from './DuplicateNotice';
import { formKeys, isSaveKey } from './keyboard';
import { QuotePanel } from './QuotePanel';
import { RegionFields } from './RegionFields';
import { SelectField } from './SelectField';
import { useNikCheck } from './useNikCheck';
import { BandSelect } from './BandSelect';

type FormOut = z.output<typeof registrationFormSchema>;
type FieldName = keyof RegistrationForm;
interface Coded { key: string; params?: MessageParams }

const FIELDS: FieldName[] = ['nik', 'name', 'birthPlace', 'birthDate', 'sex', 'motherName', 'phone', 'address', 'provinceCode',
  'regencyCode', 'districtCode', 'villageCode', 'occupationCode', 'incomeBand', 'declaredIncome', 'jht'];

const EMPTY: RegistrationForm = {
  nik: '', name: '', birthPlace: '', birthDate: '', sex: undefined as unknown as 'M', motherName: '', phone: '', address: '',
  provinceCode: '', regencyCode: '', districtCode: '', villageCode: '', occupationCode: '', incomeBand: undefined, jht: false,
};

/** Pendaftaran: NIK first (checked at once), the KTP's details, address, occupation, band, JHT; save → slip → payment. */
export function RegistrationScreen(_props: ScreenProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { info, navigate } = useShell();
  const zone = info.branch.timeZone;
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<Coded | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string; printed: boolean; reference: string } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const { register, control, handleSubmit, setError, setValue, watch, getValues, formState: { errors, isSubmitting } } = useForm<RegistrationForm, unknown, FormOut>({
    resolver: zodResolver(registrationFormSchema),
    defaultValues: EMPTY,
  });
  const v = watch();
  const { check, busy: checking } = useNikCheck(v.nik);

  // What the NIK already says fills the fields still empty: birth date, sex, issuing region.
  useEffect(() => {
    const f = check?.facts;
    if (!f) return;
    const cur = getValues();
    if (!cur.birthDate) setValue('birthDate', f.birthDate);
    if (!cur.sex) setValue('sex', f.sex);
    if (!cur.provinceCode) {
      setValue('provinceCode', f.provinceCode);
      setValue('regencyCode', f.regencyCode);
      setValue('districtCode', f.districtCode);
    }
  }, [check, getValues, setValue]);

  // Contradictions between the NIK and what was typed, next to the field (the service refuses them too).
  const flags = useMemo(() => {
    const f = check?.facts;
    if (!f) return [];
    const parsed: ParsedNik = { ok: true, nik: check.nik, serial: check.nik.slice(12), warnings: [], ...f };
    return crossCheckNik(parsed, { birthDate: v.birthDate || undefined, sex: v.sex || undefined, regencyCode: v.regencyCode || undefined });
  }, [check, v.birthDate, v.sex, v.regencyCode]);
  const flagText = (field: 'birthDate' | 'sex' | 'regencyCode') => {
    const flag = flags.find((x) => x.field === field);
    return flag ? messageText(t, flag.key, flag.params, zone) : null;
  };
  const fieldError = (name: FieldName) => errorText(t, errors[name]?.message, zone);

  const nikError = fieldError('nik')
    ?? (check && !check.ok ? check.errors.map((e) => messageText(t, e.key, e.params, zone)).join(' ') : null);

  const save = handleSubmit(async (values) => {
    setFormError(null);
    if (check?.existing) return; // the notice offers payment instead
    if (flags.some((f) => f.severity === 'warn')) {
      formRef.current?.querySelector<HTMLElement>(`#reg-${flags.find((f) => f.severity === 'warn')!.field}`)?.focus();
      return;
    }
    try {
      const out = await api.call('registration.create', values);
      if (out.print.ok) {
        payFor(out.participant.id);
        navigate('payment');
        return;
      }
      setSaved({ id: out.participant.id, name: out.participant.name, printed: false, reference: out.reference });
    } catch (e) {
      if (isApiError(e) && e.code === 'CONFLICT') {
        setFormError({ key: e.key, params: e.params });
        return;
      }
      setFormError(applyServerErrors<RegistrationForm>(e, FIELDS, setError));
    }
  });

  const payExisting = async () => {
    const existing = check?.existing;
    if (!existing) return;
    setLeaving(true);
    try {
      const id = existing.foundAt === 'central' ? (await api.call('participants.adopt', { nik: existing.nik })).id : existing.participantId;
      payFor(id);
      navigate('payment');
    } catch (e) {
      setFormError(isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' });
      setLeaving(false);
    }
  };

  // Ctrl+S / F12 save from anywhere on the screen, not only inside a field (bound as the screen
  // shows, like the shell's keys).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isSaveKey(e) && !formRef.current?.contains(e.target as Node)) { e.preventDefault(); void save(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const leaveField = () => document.querySelector<HTMLElement>('#screen-title')?.focus();

  if (saved) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <h1 id="screen-title" tabIndex={-1}>{t('registration.title')}</h1>
        <p className="notice" role="status">{t('registration.saved', { name: saved.name })} {t('registration.reference', { reference: saved.reference })}</p>
        <p className="notice notice-warn" role="alert">{t('registration.printFailed')}</p>
        <button type="button" className="primary" autoFocus onClick={() => { payFor(saved.id); navigate('payment'); }}>{t('registration.toPayment')}</button>
      </section>
    );
  }

  const occupation = v.occupationCode ? occupations.occupation(v.occupationCode) : undefined;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t('registration.title')}</h1>
      <p className="muted">{t('registration.keyboard')}</p>
      <form ref={formRef} noValidate onSubmit={save} onKeyDown={formKeys(formRef, () => void save(), leaveField)}>
        <TextField
          id="reg-nik" label={t('registration.nik')} inputMode="numeric" autoComplete="off" autoFocus maxLength={24}
          hint={checking ? t('registration.checking') : check?.facts ? t('registration.nikFacts', {
            birthDate: formatDate(check.facts.birthDate, lang), sex: t(`domain.sex.${check.facts.sex}`),
            district: check.facts.districtName ?? check.facts.districtCode, regency: check.facts.regencyName ?? check.facts.regencyCode,
          }) : t('registration.nikHint')}
          error={nikError}
          {...register('nik')}
        />
        {check?.ok && check.central === 'offline' && <p className="notice" role="status">{t('registration.centralOffline')}</p>}
        {check?.existing && <DuplicateNotice existing={check.existing} zone={zone} onPay={() => void payExisting()} busy={leaving} />}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '1rem' }}>
          <TextField id="reg-name" label={t('registration.name')} autoComplete="off" error={fieldError('name')} {...register('name')} />
          <TextField id="reg-motherName" label={t('registration.motherName')} autoComplete="off" error={fieldError('motherName')} {...register('motherName')} />
          <TextField id="reg-birthPlace" label={t('registration.birthPlace')} autoComplete="off" error={fieldError('birthPlace')} {...register('birthPlace')} />
          <Controller control={control} name="birthDate" render={({ field }) => (
            <DateField id="reg-birthDate" label={t('registration.birthDate')} error={fieldError('birthDate') ?? flagText('birthDate')}
              name={field.name} ref={field.ref} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} />
          )} />
          <SelectField id="reg-sex" label={t('registration.sex')} error={fieldError('sex') ?? flagText('sex')} {...register('sex')}>
            <option value="">{t('registration.choose')}</option>
            <option value="M">{t('registration.sexM')}</option>
            <option value="F">{t('registration.sexF')}</option>
          </SelectField>
          <TextField id="reg-phone" type="tel" label={t('registration.phone')} hint={t('registration.phoneHint')} autoComplete="off" error={fieldError('phone')} {...register('phone')} />
        </div>
        <TextField id="reg-address" label={t('registration.address')} autoComplete="off" error={fieldError('address')} {...register('address')} />
        <RegionFields
          values={v} register={register} setValue={setValue} regencyNote={flagText('regencyCode')}
          errors={{ provinceCode: fieldError('provinceCode'), regencyCode: fieldError('regencyCode'), districtCode: fieldError('districtCode'), villageCode: fieldError('villageCode') }}
        />
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '1rem' }}>
          <SelectField
            id="reg-occupationCode" label={t('registration.occupation')} error={fieldError('occupationCode')}
            hint={occupation?.transport ? t('registration.transportNote') : undefined} {...register('occupationCode')}
          >
            <option value="">{t('registration.choose')}</option>
            {occupations.groups.map((g) => (
              <optgroup key={g.code} label={g[lang]}>
                {g.items.map((o) => <option key={o.code} value={o.code}>{o[lang]}</option>)}
              </optgroup>
            ))}
          </SelectField>
          <BandSelect register={register} error={fieldError('incomeBand')} />
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 1rem' }}>
          <legend style={{ fontWeight: 600 }}>{t('registration.programs')}</legend>
          <p className="muted" style={{ margin: '0.25rem 0' }}>{t('registration.mandatory')}</p>
          <label htmlFor="reg-jht"><input id="reg-jht" type="checkbox" {...register('jht')} /> {t('registration.jht')}</label>
        </fieldset>
        <QuotePanel incomeBand={typeof v.incomeBand === 'number' && !Number.isNaN(v.incomeBand) ? v.incomeBand : undefined} jht={Boolean(v.jht)} occupationCode={v.occupationCode || undefined} />
        {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
        {Object.keys(errors).length > 0 && !formError && <p className="notice notice-error" role="alert">{t('registration.fixErrors')}</p>}
        <button type="submit" className="primary" disabled={isSubmitting || Boolean(check?.existing)} aria-keyshortcuts="Control+S F12">
          {isSubmitting ? t('registration.saving') : <>{t('registration.save')} <kbd>{t('registration.saveKey')}</kbd></>}
        </button>
      </form>
    </section>
  );
}
