import type { PourDto, SpecimenSetDto } from '@pourline/contracts';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/useI18n';
import { formatPlantTime } from '../pours/plantTime';

interface SpecimenLabelSheetProps {
  set: SpecimenSetDto;
  pour: PourDto;
  onClose: () => void;
}

/**
 * The label for a set of cubes, large enough to read on a curing tank, and
 * laid out so that printing the page prints only the label.
 */
export function SpecimenLabelSheet({ set, pour, onClose }: SpecimenLabelSheetProps) {
  const { t, locale } = useI18n();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // A direct child of <body>, so printing can hide the whole console and keep only this.
  return createPortal(
    <div className="qc-print-sheet" role="dialog" aria-modal="true" aria-labelledby="qc-label-title">
      <div className="qc-label-card" data-testid="qc-set-label" data-set-id={set.id}>
        <p className="qc-label-caption">{t('qc.label.caption')}</p>
        <h2 id="qc-label-title" className="qc-label-text">
          {set.label}
        </h2>
        <dl className="qc-label-facts">
          <div>
            <dt>{t('qc.label.ticket')}</dt>
            <dd>{set.ticketNumber}</dd>
          </div>
          <div>
            <dt>{t('qc.label.mix')}</dt>
            <dd>
              {set.mixCode} · {set.strengthGrade}
            </dd>
          </div>
          <div>
            <dt>{t('qc.label.made')}</dt>
            <dd>{formatPlantTime(set.madeAt, pour.plantTimeZone, locale)}</dd>
          </div>
          <div>
            <dt>{t('qc.label.specimens')}</dt>
            <dd>{set.specimenCount}</dd>
          </div>
          <div className="qc-label-wide">
            <dt>{t('qc.label.pour')}</dt>
            <dd>
              {pour.projectName} · {pour.structuralElement}
            </dd>
          </div>
        </dl>
      </div>
      <div className="action-row qc-print-actions">
        <button type="button" className="button button--primary" data-testid="qc-print" onClick={() => window.print()}>
          {t('qc.label.print')}
        </button>
        <button type="button" className="button" ref={closeButton} onClick={onClose}>
          {t('qc.label.close')}
        </button>
      </div>
    </div>,
    document.body,
  );
}
