import { MESSAGE_TEXT_MAX_CHARS, type PostPourMessageRequest } from '@pourline/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../i18n/useI18n';

interface PourLogComposerProps {
  busy: boolean;
  onSend: (request: PostPourMessageRequest) => Promise<boolean>;
}

/** Free words, for what no quick message says; kept until the server has them. */
export function PourLogComposer({ busy, onSend }: PourLogComposerProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const inputId = useId();
  const trimmed = text.trim();
  // Counted as people count characters (and as the server does): an emoji is one.
  const tooLong = [...trimmed].length > MESSAGE_TEXT_MAX_CHARS;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed || tooLong) return;
    void onSend({ code: 'text', text: trimmed }).then((sent) => {
      if (sent) setText('');
    });
  };

  return (
    <form className="pour-log-composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={inputId}>
        {t('pourLog.textLabel')}
      </label>
      <input
        id={inputId}
        value={text}
        placeholder={t('pourLog.textPlaceholder')}
        autoComplete="off"
        aria-invalid={tooLong}
        data-testid="pour-log-text"
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="submit"
        className="button button--primary pour-log-quick"
        data-testid="pour-log-send"
        disabled={busy || !trimmed || tooLong}
      >
        {busy ? t('pourLog.sending') : t('pourLog.send')}
      </button>
      {tooLong && (
        <p className="form-error" role="alert">
          {t('pourLog.textTooLong', { max: MESSAGE_TEXT_MAX_CHARS })}
        </p>
      )}
    </form>
  );
}
