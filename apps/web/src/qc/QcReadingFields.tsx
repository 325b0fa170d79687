import { useI18n } from '../i18n/useI18n';
import type { QcLimits } from './qcPreview';
import type { Reading } from './readingInput';

interface ReadingFieldsProps {
  formId: string;
  /** `qc` in the inspector's view, `site-test` on the site tablet: the inputs' test ids follow it. */
  testIdPrefix: string;
  slumpLabel: string;
  /** Null while the mix or plant is not known: the fields still take readings, without their windows. */
  limits: QcLimits | null;
  readings: { slump: Reading; temperature: Reading; air: Reading };
  slump: string;
  temperature: string;
  air: string;
  onSlump: (value: string) => void;
  onTemperature: (value: string) => void;
  onAir: (value: string) => void;
}

/** Slump, temperature and (for air-entrained mixes) air, each with the window it must fall in. */
export function QcReadingFields(props: ReadingFieldsProps) {
  const { t, formatNumber } = useI18n();
  const { formId, testIdPrefix, limits, readings } = props;
  const field = (
    name: 'slump' | 'temperature' | 'air',
    label: string,
    value: string,
    onChange: (value: string) => void,
    hint: string | null,
  ) => (
    <label className="field qc-field" htmlFor={`${formId}-${name}`}>
      <span>{label}</span>
      <input
        id={`${formId}-${name}`}
        data-testid={`${testIdPrefix}-${name}`}
        className="qc-input"
        inputMode={name === 'slump' ? 'numeric' : 'decimal'}
        autoComplete="off"
        enterKeyHint={name === 'slump' ? 'next' : undefined}
        value={value}
        aria-invalid={readings[name].kind === 'invalid'}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && <small className="qc-hint">{hint}</small>}
    </label>
  );
  return (
    <>
      {field(
        'slump',
        `${props.slumpLabel} (mm)`,
        props.slump,
        props.onSlump,
        limits &&
          t('qc.form.slumpWindow', {
            target: formatNumber(limits.targetSlumpMm, 0),
            tolerance: formatNumber(limits.slumpToleranceMm, 0),
            min: formatNumber(limits.minSlumpMm, 0),
            max: formatNumber(limits.maxSlumpMm, 0),
          }),
      )}
      {field(
        'temperature',
        `${t('qc.form.temperature')} (°C)`,
        props.temperature,
        props.onTemperature,
        limits &&
          t('qc.form.temperatureWindow', {
            min: formatNumber(limits.minTemperatureC),
            max: formatNumber(limits.maxTemperatureC),
          }),
      )}
      {limits?.air &&
        field(
          'air',
          `${t('qc.form.air')} (%)`,
          props.air,
          props.onAir,
          t('qc.form.airWindow', {
            target: formatNumber(limits.air.targetPercent),
            tolerance: formatNumber(limits.air.tolerancePercentagePoints),
          }),
        )}
    </>
  );
}
