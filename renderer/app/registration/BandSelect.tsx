import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegister } from 'react-hook-form';
import type { Output } from '../../../shared/contract';
import type { RegistrationForm } from '../../../shared/contract/registration';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';
import { SelectField } from './SelectField';

type Band = Output<'registration.bands'>['bands'][number];

/** The declared monthly income band of the current month's table (band → DPP). */
export function BandSelect({ register, error }: { register: UseFormRegister<RegistrationForm>; error: string | null }) {
  const { t } = useTranslation();
  const [bands, setBands] = useState<Band[]>([]);
  useEffect(() => {
    let stale = false;
    api.call('registration.bands', {}).then((r) => { if (!stale) setBands(r.bands); }).catch(() => undefined);
    return () => { stale = true; };
  }, []);
  return (
    <SelectField
      id="reg-incomeBand" label={t('registration.incomeBand')} error={error}
      {...register('incomeBand', { setValueAs: (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(v)) })}
    >
      <option value="">{t('registration.choose')}</option>
      {bands.map((b) => (
        <option key={b.no} value={b.no}>
          {t('registration.bandOption', {
            no: b.no, from: formatRupiah(b.incomeFrom), dpp: formatRupiah(b.dpp),
            to: b.incomeTo === null ? t('registration.bandUp') : t('registration.bandTo', { to: formatRupiah(b.incomeTo) }),
          })}
        </option>
      ))}
    </SelectField>
  );
}
