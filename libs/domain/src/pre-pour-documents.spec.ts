import {
  DEFAULT_REQUIRED_DOCUMENT_TYPES,
  DOCUMENT_TYPES,
  isDocumentType,
  undeliveredRequiredDocuments,
} from './pre-pour-documents';

const delivered = new Date('2024-06-01T07:00:00Z');

describe('DEFAULT_REQUIRED_DOCUMENT_TYPES', () => {
  it('requires every report but "other"', () => {
    expect(DEFAULT_REQUIRED_DOCUMENT_TYPES).toEqual(DOCUMENT_TYPES.filter((type) => type !== 'other'));
  });
});

describe(undeliveredRequiredDocuments.name, () => {
  it('lists every required report when none is delivered', () => {
    expect(undeliveredRequiredDocuments(DEFAULT_REQUIRED_DOCUMENT_TYPES, [])).toEqual([
      ...DEFAULT_REQUIRED_DOCUMENT_TYPES,
    ]);
  });

  it('lists nothing once every required report is delivered', () => {
    const documents = DEFAULT_REQUIRED_DOCUMENT_TYPES.map((type) => ({ type, deliveredAt: delivered }));
    expect(undeliveredRequiredDocuments(DEFAULT_REQUIRED_DOCUMENT_TYPES, documents)).toEqual([]);
  });

  it('still lists a report that is uploaded but not delivered', () => {
    const documents = [
      { type: 'mix_design_report', deliveredAt: delivered },
      { type: 'cement_report', deliveredAt: null },
    ] as const;
    expect(undeliveredRequiredDocuments(['mix_design_report', 'cement_report'], documents)).toEqual(['cement_report']);
  });

  it('is satisfied by one delivered copy among undelivered ones', () => {
    const documents = [
      { type: 'sand_report', deliveredAt: null },
      { type: 'sand_report', deliveredAt: delivered },
    ] as const;
    expect(undeliveredRequiredDocuments(['sand_report'], documents)).toEqual([]);
  });

  it('ignores delivered reports nobody required', () => {
    expect(undeliveredRequiredDocuments([], [{ type: 'other', deliveredAt: delivered }])).toEqual([]);
  });

  it('names each missing type once, in the order required', () => {
    expect(undeliveredRequiredDocuments(['sand_report', 'cement_report', 'sand_report'], [])).toEqual([
      'sand_report',
      'cement_report',
    ]);
  });
});

describe(isDocumentType.name, () => {
  it('knows the six types and nothing else', () => {
    expect(DOCUMENT_TYPES.every(isDocumentType)).toBe(true);
    expect(isDocumentType('invoice')).toBe(false);
  });
});
