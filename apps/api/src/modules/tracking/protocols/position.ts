/** Assembles a PositionReport from named wire fields with the checks every protocol shares. */
import type { PositionReport } from '@pourline/contracts';
import {
  type NumberRule,
  type ParseResult,
  RULES,
  attributeProblems,
  fail,
  ok,
  readDeviceId,
  readNumber,
  readTimestamp,
  textProblem,
} from './fields';

export interface RawField {
  name: string;
  value: unknown;
}

/** The wire fields of one position, named as the sender named them, with their units. */
export interface RawPosition {
  deviceId: RawField;
  lat: RawField;
  lng: RawField;
  fixTime: RawField & { required?: boolean };
  speed?: RawField & { kmhPerUnit: number };
  bearingDeg?: RawField;
  altitudeM?: RawField;
  accuracyM?: RawField;
  battery?: RawField & { percentPerUnit: number };
  secret?: RawField;
  attributes: Record<string, unknown>;
}

/** The checks every protocol shares, so they are written once. */
export function readPosition(raw: RawPosition, now: Date): ParseResult<PositionReport> {
  const errors: string[] = [];
  const deviceId = readDeviceId(raw.deviceId.name, raw.deviceId.value, errors);
  const lat = readNumber(raw.lat.name, raw.lat.value, RULES.lat, errors);
  const lng = readNumber(raw.lng.name, raw.lng.value, RULES.lng, errors);
  // Many trackers report 0,0 until they have a fix; a truck in the Gulf of Guinea is not plausible.
  if (lat === 0 && lng === 0) errors.push(`${raw.lat.name}, ${raw.lng.name}: 0,0 means the tracker has no fix`);
  const fixTime = readTimestamp(raw.fixTime.name, raw.fixTime.value, now, errors, raw.fixTime.required);
  const opt = (f: RawField | undefined, rule: NumberRule, scale = 1) =>
    f ? readNumber(f.name, f.value, rule, errors, scale) : null;
  const report: PositionReport = {
    deviceId,
    fixTime,
    lat: lat ?? 0,
    lng: lng ?? 0,
    speedKmh: opt(raw.speed, RULES.speedKmh, raw.speed?.kmhPerUnit),
    bearingDeg: opt(raw.bearingDeg, RULES.bearingDeg),
    altitudeM: opt(raw.altitudeM, RULES.altitudeM),
    accuracyM: opt(raw.accuracyM, RULES.accuracyM),
    batteryPercent: opt(raw.battery, RULES.batteryPercent, raw.battery?.percentPerUnit),
    attributes: raw.attributes,
  };
  attributeProblems(raw.attributes, 'attributes', errors);
  const secret = raw.secret?.value;
  if (typeof secret === 'string' && textProblem(secret)) errors.push(`${raw.secret!.name}: ${textProblem(secret)}`);
  else if (typeof secret === 'string' && secret.trim()) report.secret = secret.trim();
  return errors.length ? fail(errors) : ok(report);
}
