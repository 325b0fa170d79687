import { describe, expect, it } from '@jest/globals';
import { API_ERROR_CODES, type ApiError } from '@pourline/contracts';
import { en } from '../i18n/messages.en';
import { zhCN } from '../i18n/messages.zh-CN';
import { createTranslator } from '../i18n/translator';
import { ApiRequestError } from './ApiRequestError';
import { describeApiError, errorMessage } from './errorMessage';

const english = createTranslator('en');
const chinese = createTranslator('zh-CN');
const refusal = (error: Omit<ApiError, 'statusCode'>) => new ApiRequestError({ statusCode: 409, ...error });

describe('the catalogues', () => {
  it.each([
    ['en', en],
    ['zh-CN', zhCN],
  ])('word every code the API can answer with (%s)', (_, catalogue) => {
    const words = catalogue as Readonly<Record<string, string>>;
    const missing = API_ERROR_CODES.filter((code) => !words[`apiError.${code}`] && !words[`apiError.${code}_other`]);
    expect(missing).toEqual([]);
  });

  it('fill in the same facts in both languages', () => {
    const placeholders = (text: string | undefined) =>
      [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const words = { en: en as Record<string, string>, zh: zhCN as Record<string, string> };
    for (const code of API_ERROR_CODES) {
      const key = words.en[`apiError.${code}`] ? `apiError.${code}` : `apiError.${code}_other`;
      expect([code, placeholders(words.zh[key])]).toEqual([code, placeholders(words.en[key])]);
    }
  });
});

describe(errorMessage.name, () => {
  it('names the missing reports of the document gate by their names, in both languages', () => {
    const error = refusal({
      code: 'documents_undelivered',
      message:
        'Required reports not yet delivered to the construction party: coarse_aggregate_report, admixture_report.',
      facts: { documentTypes: ['coarse_aggregate_report', 'admixture_report'] },
    });
    expect(errorMessage(error, english)).toBe(
      'Reports not yet delivered to the construction party: Coarse aggregate report, Admixture report. ' +
        'Deliver them, or an administrator may release the pour with a reason.',
    );
    expect(errorMessage(error, chinese)).toBe(
      '以下报告尚未交付施工方：石子（粗骨料）报告、外加剂报告。请先交付，或由管理员填写原因后放行。',
    );
    expect(errorMessage(error, chinese)).not.toMatch(/coarse_aggregate_report|admixture_report/);
  });

  it('words a validation issue with the field’s own label and unit', () => {
    const error = new ApiRequestError({
      statusCode: 400,
      code: 'invalid_input',
      message: 'Invalid input: slumpMm: Too big: expected number to be <=300',
      issues: [
        { path: 'slumpMm', code: 'too_big', origin: 'number', maximum: 300, inclusive: true, message: 'Too big' },
        { path: 'title', code: 'too_small', origin: 'string', minimum: 1, inclusive: true, message: 'Too small' },
      ],
    });
    expect(errorMessage(error, english)).toBe('Slump: at most 300 mm; Title: must not be empty');
    expect(errorMessage(error, chinese)).toBe('坍落度：不得大于 300 mm；标题：不能为空');
  });

  it('words each kind of issue, and keeps the API’s sentence for a rule it cannot name', () => {
    const issue = (fields: Partial<NonNullable<ApiError['issues']>[number]>) =>
      describeApiError(
        {
          code: 'invalid_input',
          message: 'Invalid input',
          issues: [{ path: 'volumeM3', code: 'custom', message: 'some rule', ...fields }],
        },
        english,
      );
    expect(issue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: false })).toBe('Volume: more than 0 m³');
    expect(issue({ code: 'invalid_type', expected: 'number', received: 'missing' })).toBe('Volume: required');
    expect(issue({ code: 'invalid_type', expected: 'number', received: 'string' })).toBe('Volume: expected a number');
    expect(issue({ path: '', code: 'unrecognized_keys', keys: ['colour', 'size'] })).toBe(
      'Not part of this request: colour, size',
    );
    expect(issue({ path: 'reason', rule: 'reason_too_short', minimum: 10 })).toBe(
      'Reason: say why, in at least 10 characters',
    );
    expect(issue({ path: 'note', code: 'too_big', origin: 'string', maximum: 1 })).toBe('Note: at most 1 character');
    expect(issue({ path: 'batchedAt', code: 'invalid_format', format: 'datetime' })).toBe(
      'batchedAt: not a date and time',
    );
    expect(issue({})).toBe('Volume: some rule');
  });

  it('words a refusal from its facts, with states by their names', () => {
    const error = refusal({
      code: 'illegal_pour_transition',
      message: 'The pour is draft and cannot become in_progress; it can go to confirmed or cancelled',
      facts: { from: 'draft', to: 'in_progress', allowed: ['confirmed', 'cancelled'] },
    });
    expect(errorMessage(error, english)).toBe('The pour is Draft and cannot become In progress.');
    expect(errorMessage(error, chinese)).toBe('浇筑当前为“草稿”，不能变为“浇筑中”。');
  });

  it('counts by the language’s plural rules', () => {
    const error = refusal({ code: 'too_many_sign_ins', message: 'wait', facts: { minutes: 1 } });
    expect(errorMessage(error, english)).toBe('Too many failed sign-ins; wait 1 minute before trying again.');
    const five = refusal({ code: 'too_many_sign_ins', message: 'wait', facts: { minutes: 5 } });
    expect(errorMessage(five, english)).toBe('Too many failed sign-ins; wait 5 minutes before trying again.');
    expect(errorMessage(five, chinese)).toBe('登录失败次数过多，请等待 5 分钟后再试。');
  });

  it('shows the server’s sentence for a code it does not know, or a refusal stored without its facts', () => {
    expect(errorMessage(refusal({ code: 'brand_new_rule', message: 'A new rule says no' }), chinese)).toBe(
      'A new rule says no',
    );
    expect(errorMessage(refusal({ code: 'truck_busy', message: 'Truck T-07 is already out' }), chinese)).toBe(
      'Truck T-07 is already out',
    );
    expect(errorMessage(refusal({ code: 'truck_busy', message: 'x', facts: { fleetNumber: 'T-07' } }), chinese)).toBe(
      '车辆 T-07 正在执行另一车次。',
    );
  });

  it('says the network is down when the request never got an answer', () => {
    const error = new ApiRequestError({ statusCode: 0, code: 'network_error', message: 'network_error' });
    expect(errorMessage(error, chinese)).toBe(chinese('common.networkError'));
  });
});
