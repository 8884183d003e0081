import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';

/**
 * A destructive action asked twice, in the page rather than in a blocking `confirm()` dialog: the
 * first press turns the button into a question with "Yes" (focused) and "No".
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  onConfirm,
}: {
  label: string;
  accessibleLabel?: string;
  question: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus) first.current?.focus();
  }, [asking, returnFocus]);
  if (!asking)
    return (
      <button type="button" ref={first} class="button danger" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        ref={yes}
        class="button danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('yesDelete', 'Yes, delete')}
      </button>
      <button
        type="button"
        class="button"
        onClick={() => {
          setAsking(false);
          setReturnFocus(true);
        }}
      >
        {t('no', 'No')}
      </button>
    </span>
  );
}
