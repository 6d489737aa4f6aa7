import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

type Step = 'idle' | 'confirm' | 'working';

interface ConfirmedDismissProps {
  /** Takes the item out of the inbox; once it resolves the live list drops the item and it unmounts. */
  dismiss: () => Promise<unknown>;
  /** Test ids: the button, then `-step`, `-cancel` and `-confirm`. */
  testId: string;
  /** Classes of the confirmation box, to match its item. */
  stepClassName: string;
  /** What dismissing means, shown before the person confirms. */
  children: ReactNode;
}

/**
 * "Dismiss" behind a confirmation that says what it means, for items a person
 * must acknowledge (a rejected operation, a refused sale). A failure is shown
 * and the item stays.
 */
export function ConfirmedDismiss({ dismiss, testId, stepClassName, children }: ConfirmedDismissProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setStep('working');
    setError(null);
    try {
      await dismiss();
    } catch (failure) {
      setError(
        t('sync.screen.dismissFailed', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
      setStep('idle');
    }
  }

  return (
    <>
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {step === 'idle' ? (
        <Button
          variant="secondary"
          onClick={() => setStep('confirm')}
          data-testid={testId}
          className="self-start text-sm"
        >
          {t('sync.screen.dismiss')}
        </Button>
      ) : (
        <div data-testid={`${testId}-step`} className={`flex flex-col gap-3 rounded-xl p-3 ${stepClassName}`}>
          {children}
          <div className="grid grid-cols-2 gap-2">
            <Button
              variant="secondary"
              disabled={step === 'working'}
              onClick={() => setStep('idle')}
              data-testid={`${testId}-cancel`}
              className="px-2 text-sm"
            >
              {t('sync.screen.dismissCancel')}
            </Button>
            <Button
              disabled={step === 'working'}
              onClick={() => void confirm()}
              data-testid={`${testId}-confirm`}
              className="px-2 text-sm"
            >
              {step === 'working' ? t('sync.screen.dismissing') : t('sync.screen.dismissYes')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
