import { describe, expect, it } from '@jest/globals';
import { DocumentTypeSchema, UploadDocumentFields } from './documents';
import { CreateLoadRequest } from './loads';
import { ChangePourStatusRequest } from './pours';
import { RecordQcTestRequest } from './quality';
import { toValidationIssue } from './validation-issues';

const issuesOf = (schema: { safeParse(value: unknown): { error?: { issues: unknown[] } } }, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) =>
    toValidationIssue(issue as Parameters<typeof toValidationIssue>[0], value),
  );

describe(toValidationIssue.name, () => {
  it('states a number out of range with its bound and whether the bound is allowed', () => {
    expect(issuesOf(RecordQcTestRequest, { stage: 'site', slumpMm: 5000 })).toEqual([
      expect.objectContaining({ path: 'slumpMm', code: 'too_big', origin: 'number', maximum: 900, inclusive: true }),
    ]);
    expect(issuesOf(CreateLoadRequest, { volumeM3: 0 })).toEqual([
      expect.objectContaining({ path: 'volumeM3', code: 'too_small', minimum: 0, inclusive: false }),
    ]);
  });

  it('tells a field left out from one of the wrong type', () => {
    expect(issuesOf(CreateLoadRequest, {})).toEqual([
      expect.objectContaining({ path: 'volumeM3', code: 'invalid_type', expected: 'number', received: 'missing' }),
    ]);
    expect(issuesOf(CreateLoadRequest, { volumeM3: '12' })).toEqual([
      expect.objectContaining({ path: 'volumeM3', code: 'invalid_type', expected: 'number', received: 'string' }),
    ]);
  });

  it('names the rule a written text broke, with its bound', () => {
    expect(issuesOf(UploadDocumentFields, { type: 'cement_report', title: '   ' })).toEqual([
      expect.objectContaining({ path: 'title', code: 'custom', rule: 'empty' }),
    ]);
    expect(issuesOf(ChangePourStatusRequest, { status: 'ready', overrideReason: 'late' })).toEqual([
      expect.objectContaining({ path: 'overrideReason', code: 'custom', rule: 'reason_too_short', minimum: 10 }),
    ]);
    expect(issuesOf(UploadDocumentFields, { type: 'cement_report', title: 'x'.repeat(201) })).toEqual([
      expect.objectContaining({ path: 'title', code: 'custom', rule: 'too_long', maximum: 200 }),
    ]);
  });

  it('lists the fields a request does not take, and the values a choice allows', () => {
    const [unknown] = issuesOf(CreateLoadRequest, { volumeM3: 8, colour: 'grey' });
    expect(unknown).toMatchObject({ path: '', code: 'unrecognized_keys', keys: ['colour'] });
    expect(unknown.message).toBe('unknown field "colour": not part of this request');
    const [choice] = issuesOf(DocumentTypeSchema, 'brochure');
    expect(choice).toMatchObject({ code: 'invalid_value', values: expect.arrayContaining(['cement_report']) });
  });
});
