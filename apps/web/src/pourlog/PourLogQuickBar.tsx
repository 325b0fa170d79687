import { type PostPourMessageRequest, QUICK_MESSAGE_CODES, type QuickMessageCode } from '@pourline/contracts';
import { useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { LastLoadForm } from './LastLoadForm';
import { StuckTruckForm } from './StuckTruckForm';

interface PourLogQuickBarProps {
  pourId: string;
  busy: string | null;
  onSend: (request: PostPourMessageRequest) => Promise<boolean>;
}

/** What asks for a parameter opens a small form; the rest are sent with one tap. */
const WITH_PARAMETER: ReadonlySet<QuickMessageCode> = new Set(['truck_stuck_at_gate', 'pour_finishing']);

/** One tap for what is said most often on the radio; buttons big enough for a gloved hand. */
export function PourLogQuickBar({ pourId, busy, onSend }: PourLogQuickBarProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<'truck_stuck_at_gate' | 'pour_finishing' | null>(null);
  const sendAndClose = (request: PostPourMessageRequest) =>
    void onSend(request).then((sent) => {
      if (sent) setAsking(null);
    });

  return (
    <div className="pour-log-quickbar">
      <p className="visually-hidden">{t('pourLog.quickTitle')}</p>
      <div className="pour-log-quick-buttons">
        {QUICK_MESSAGE_CODES.map((code) => (
          <button
            key={code}
            type="button"
            className={`button pour-log-quick${asking === code ? ' pour-log-quick--open' : ''}`}
            data-testid={`pour-log-quick-${code}`}
            aria-expanded={WITH_PARAMETER.has(code) ? asking === code : undefined}
            disabled={busy !== null}
            onClick={() => {
              if (code === 'truck_stuck_at_gate' || code === 'pour_finishing') setAsking(asking === code ? null : code);
              else void onSend({ code });
            }}
          >
            {busy === code ? t('pourLog.sending') : t(`pourLog.button.${code}`)}
          </button>
        ))}
      </div>
      {asking === 'truck_stuck_at_gate' && (
        <StuckTruckForm
          pourId={pourId}
          busy={busy !== null}
          onSend={(truck) => sendAndClose({ code: 'truck_stuck_at_gate', truck })}
          onClose={() => setAsking(null)}
        />
      )}
      {asking === 'pour_finishing' && (
        <LastLoadForm
          busy={busy !== null}
          onSend={(lastLoadM3) => sendAndClose({ code: 'pour_finishing', lastLoadM3 })}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  );
}
