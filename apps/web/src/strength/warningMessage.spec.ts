import { describe, expect, it } from '@jest/globals';
import type { StrengthWarningDto } from '@pourline/contracts';
import type { Locale } from '../i18n/locales';
import { createTranslator } from '../i18n/translator';
import { warningMessage } from './warningMessage';

const words = (locale: Locale) => ({
  t: createTranslator(locale),
  formatNumber: (value: number, digits = 1) => String(Math.round(value * 10 ** digits) / 10 ** digits),
});

const base = {
  id: 'w1',
  raisedAt: '2026-05-20T02:00:00.000Z',
  plantId: 'p1',
  plantCode: 'JN-01',
  projectId: null,
  strengthGrade: 'C30',
  summary: 'in English',
};

const lotForecast: StrengthWarningDto = {
  ...base,
  kind: 'lot_forecast',
  lotId: 'l1',
  mixId: 'm1',
  mixCode: 'C30-P180',
  details: {
    lotName: '5F',
    projectName: 'Hospital',
    method: 'non_statistical',
    projectedMeanMpa: 34,
    requiredMeanMpa: 34.5,
    projectedMinMpa: 30.8,
    requiredMinMpa: 28.5,
    predictedSets: 6,
    actualSets: 0,
    ratio: 1.4,
    pairs: 10,
  },
};

const productionControl: StrengthWarningDto = {
  ...base,
  kind: 'production_control',
  lotId: null,
  mixId: null,
  mixCode: null,
  details: {
    month: '2026-04',
    sets: 3,
    sigmaMpa: null,
    sigmaLimitMpa: 3.5,
    sigmaWithinLimit: null,
    shareAtLeastGradePercent: 66.7,
    shareWithinLimit: false,
  },
};

describe(warningMessage.name, () => {
  it('says which lot heads below acceptance, by how much, and what the forecast rests on', () => {
    const text = warningMessage(lotForecast, words('en'));
    for (const part of ['5F', 'Hospital', '34 MPa', '34.5', '6 sets', '1.4', '10 pairs']) expect(text).toContain(part);
  });

  it('fills every figure in Chinese too', () => {
    for (const warning of [lotForecast, productionControl]) {
      const text = warningMessage(warning, words('zh-CN'));
      expect(text).not.toMatch(/\{\w+\}/);
    }
    expect(warningMessage(productionControl, words('zh-CN'))).toContain('66.7');
  });

  it('shows a σ not yet known as a dash', () => {
    expect(warningMessage(productionControl, words('en'))).toContain('σ — MPa');
  });
});
