import { useTranslation } from 'react-i18next';
import type { UseFormRegister, UseFormSetValue } from 'react-hook-form';
import type { RegistrationForm } from '../../../shared/contract/registration';
import { SelectField } from './SelectField';
import { useRegionChildren } from './useRegions';

interface Props {
  values: Pick<RegistrationForm, 'provinceCode' | 'regencyCode' | 'districtCode' | 'villageCode'>;
  register: UseFormRegister<RegistrationForm>;
  setValue: UseFormSetValue<RegistrationForm>;
  errors: Partial<Record<'provinceCode' | 'regencyCode' | 'districtCode' | 'villageCode', string | null>>;
  regencyNote?: string | null;
}

const LEVELS = [
  { field: 'provinceCode', parent: undefined, length: 0, label: 'registration.province' },
  { field: 'regencyCode', parent: 'provinceCode', length: 2, label: 'registration.regency' },
  { field: 'districtCode', parent: 'regencyCode', length: 4, label: 'registration.district' },
  { field: 'villageCode', parent: 'districtCode', length: 6, label: 'registration.village' },
] as const;

/** Province → regency/city → district → village, each a select filled from the one above it. */
export function RegionFields({ values, register, setValue, errors, regencyNote }: Props) {
  const { t } = useTranslation();
  const lists = [
    useRegionChildren('', 0),
    useRegionChildren(values.provinceCode, 2),
    useRegionChildren(values.regencyCode, 4),
    useRegionChildren(values.districtCode, 6),
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '1rem' }}>
      {LEVELS.map((level, i) => {
        const items = lists[i];
        const current = values[level.field];
        // Controlled by the form's value: one filled from the NIK stays chosen while its list loads.
        const known = !current || items.some((it) => it.code === current);
        return (
          <SelectField
            key={level.field}
            id={`reg-${level.field}`}
            label={t(level.label)}
            error={errors[level.field]}
            hint={level.field === 'regencyCode' && regencyNote ? regencyNote : undefined}
            disabled={i > 0 && !values[LEVELS[i - 1].field]}
            {...register(level.field, {
              onChange: () => {
                for (const below of LEVELS.slice(i + 1)) setValue(below.field, '');
              },
            })}
            value={current ?? ''}
          >
            <option value="">{t('registration.choose')}</option>
            {!known && <option value={current}>{current}</option>}
            {items.map((it) => <option key={it.code} value={it.code}>{it.name}</option>)}
          </SelectField>
        );
      })}
    </div>
  );
}
