import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../api/ApiRequestError';
import { createTranslator } from '../i18n/translator';
import { isStaleLoadConflict, qcErrorMessage } from './qcErrorMessage';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

describe(qcErrorMessage.name, () => {
  it('says in words that a check test is due instead of naming a field', () => {
    const error = new ApiRequestError({
      statusCode: 409,
      code: 'check_test_pending',
      message: 'send it with checkTestOf',
      facts: { testId: 't-1' },
    });
    expect(qcErrorMessage(error, en)).toBe(en('qc.error.checkTestPending'));
    expect(qcErrorMessage(error, zh)).toBe(zh('qc.error.checkTestPending'));
  });

  it('tells a load that moved on by its status, in the reader’s language', () => {
    const error = new ApiRequestError({
      statusCode: 409,
      code: 'wrong_load_state',
      message: 'The load is discharged; a site test needs the load on site or discharging',
      facts: { status: 'discharged' },
    });
    expect(qcErrorMessage(error, en)).toBe(
      'This load has moved on since the list was drawn: The load is Discharged now; this step is not possible.',
    );
    expect(qcErrorMessage(error, zh)).toBe('列表显示后该车状态已变化：该车当前为“已卸料”，不能执行此步骤。');
  });

  it('says the network is down when the request never got an answer', () => {
    const error = new ApiRequestError({ statusCode: 0, code: 'network_error', message: 'network_error' });
    expect(qcErrorMessage(error, en)).toBe(en('common.networkError'));
  });
});

describe(isStaleLoadConflict.name, () => {
  it('is true for a conflict and false for a validation error', () => {
    expect(isStaleLoadConflict(new ApiRequestError({ statusCode: 409, code: 'x', message: 'x' }))).toBe(true);
    expect(isStaleLoadConflict(new ApiRequestError({ statusCode: 400, code: 'x', message: 'x' }))).toBe(false);
  });
});
