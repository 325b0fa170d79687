import { type PourDto, RecordStrengthRequest, type SpecimenSetDto } from '@pourline/contracts';
import { type FormEvent, useState } from 'react';
import { useApi } from '../api/useApi';
import { actorName } from '../i18n/actorName';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';
import { recordStrength } from './qcEndpoints';
import { qcErrorMessage } from './qcErrorMessage';
import { parseReading, readingValue } from './readingInput';
import { describeSchemaIssues } from '../api/issueWords';

interface SpecimenSetItemProps {
  set: SpecimenSetDto;
  pour: PourDto;
  canManage: boolean;
  onChanged: (set: SpecimenSetDto) => void;
  onPrint: (set: SpecimenSetDto) => void;
}

type Age = 7 | 28;

/** One set of cubes: its label, and the three results at 7 and 28 days. */
export function SpecimenSetItem({ set, pour, canManage, onChanged, onPrint }: SpecimenSetItemProps) {
  const { t, locale } = useI18n();
  const nextAge: Age | null = set.results7dMpa === null ? 7 : set.results28dMpa === null ? 28 : null;
  return (
    <li className="qc-set" data-testid="qc-set" data-set-id={set.id}>
      <div className="qc-set-head">
        <span className="qc-set-label mono">{set.label}</span>
        <button type="button" className="button button--ghost" onClick={() => onPrint(set)}>
          {t('qc.label.printShort')}
        </button>
      </div>
      <p className="muted qc-set-meta">
        {t('qc.sets.meta', {
          ticket: set.ticketNumber,
          count: set.specimenCount,
          time: formatPlantTime(set.madeAt, pour.plantTimeZone, locale),
          name: actorName(set.madeBy, t),
        })}
      </p>
      <ResultRow age={7} results={set.results7dMpa} strength={set.strength7dMpa} />
      <ResultRow age={28} results={set.results28dMpa} strength={set.strength28dMpa} />
      {canManage && nextAge !== null && (
        <StrengthForm key={nextAge} set={set} initialAge={nextAge} onSaved={onChanged} />
      )}
    </li>
  );
}

function ResultRow({ age, results, strength }: { age: Age; results: number[] | null; strength: number | null }) {
  const { t, formatNumber } = useI18n();
  return (
    <p className="qc-set-result" data-testid={`qc-set-${age}d`}>
      <span className="qc-set-age">{t('qc.sets.age', { count: age })}</span>
      {results === null ? (
        <span className="muted">{t('qc.sets.pending')}</span>
      ) : (
        <span>
          {results.map((value) => formatNumber(value)).join(' / ')} MPa →{' '}
          <strong>{strength === null ? t('qc.sets.invalid') : `${formatNumber(strength)} MPa`}</strong>
        </span>
      )}
    </p>
  );
}

function StrengthForm({
  set,
  initialAge,
  onSaved,
}: {
  set: SpecimenSetDto;
  initialAge: Age;
  onSaved: (set: SpecimenSetDto) => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [age, setAge] = useState<Age>(initialAge);
  const [values, setValues] = useState(['', '', '']);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const readings = values.map(parseReading);
    if (readings.some((reading) => reading.kind !== 'number')) return setError(t('qc.sets.needThree'));
    const request = RecordStrengthRequest.safeParse({ ageDays: age, strengthsMpa: readings.map(readingValue) });
    if (!request.success) return setError(describeSchemaIssues(request.error.issues, t));
    setSending(true);
    setError(null);
    try {
      onSaved(await recordStrength(api, set.id, request.data));
      setValues(['', '', '']);
    } catch (failure) {
      setError(qcErrorMessage(failure, t));
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="qc-strength-form" onSubmit={submit} data-testid="qc-strength-form" noValidate>
      <label className="field">
        <span>{t('qc.sets.ageLabel')}</span>
        <select
          value={age}
          data-testid="qc-strength-age"
          onChange={(event) => setAge(event.target.value === '28' ? 28 : 7)}
        >
          <option value={7}>{t('qc.sets.age', { count: 7 })}</option>
          <option value={28}>{t('qc.sets.age', { count: 28 })}</option>
        </select>
      </label>
      {values.map((value, index) => (
        <label className="field" key={index}>
          <span>{t('qc.sets.cube', { n: index + 1 })} (MPa)</span>
          <input
            inputMode="decimal"
            data-testid="qc-strength-value"
            value={value}
            onChange={(event) => setValues((current) => current.map((v, i) => (i === index ? event.target.value : v)))}
          />
        </label>
      ))}
      <button type="submit" className="button button--primary" data-testid="qc-strength-save" disabled={sending}>
        {sending ? t('qc.working') : t('qc.sets.save')}
      </button>
      {error && (
        <p className="form-error qc-strength-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
