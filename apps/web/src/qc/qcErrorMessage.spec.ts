import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../api/ApiRequestError';
import { isStaleLoadConflict, qcErrorMessage } from './qcErrorMessage';

const t = (key: string, values?: Record<string, string>) => (values?.detail ? `${key} (${values.detail})` : key);

describe(qcErrorMessage.name, () => {
  it('says in words that a check test is due instead of naming a field', () => {
    const error = new ApiRequestError({
      statusCode: 409,
      code: 'check_test_pending',
      message: 'send it with checkTestOf',
    });
    expect(qcErrorMessage(error, t)).toBe('qc.error.checkTestPending (send it with checkTestOf)');
  });

  it("keeps the API's own words for conflicts it has no better phrase for", () => {
    const error = new ApiRequestError({
      statusCode: 409,
      code: 'override_not_possible',
      message: 'The load is released, no longer held',
    });
    expect(qcErrorMessage(error, t)).toBe('The load is released, no longer held');
  });

  it('says the network is down when the request never got an answer', () => {
    const error = new ApiRequestError({ statusCode: 0, code: 'network_error', message: 'network_error' });
    expect(qcErrorMessage(error, t)).toBe('common.networkError');
  });
});

describe(isStaleLoadConflict.name, () => {
  it('is true for a conflict and false for a validation error', () => {
    expect(isStaleLoadConflict(new ApiRequestError({ statusCode: 409, code: 'x', message: 'x' }))).toBe(true);
    expect(isStaleLoadConflict(new ApiRequestError({ statusCode: 400, code: 'x', message: 'x' }))).toBe(false);
  });
});
