import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackspaceIcon } from '../ui/icons';

export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 6;

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface PinPadProps {
  pin: string;
  onPinChange: (pin: string) => void;
  onSubmit: () => void;
  busy: boolean;
  /** The accessible name of the PIN field ("Enter Thandi's PIN"). */
  label: string;
}

/**
 * Digits 0–9, delete and OK as big keys for a thumb, over a masked field that a
 * keyboard types into too (Enter = OK). The field asks for no on-screen keyboard:
 * the pad is the keyboard.
 */
export function PinPad({ pin, onPinChange, onSubmit, busy, label }: PinPadProps) {
  const { t } = useTranslation();
  const type = (digit: string) => {
    if (pin.length < MAX_PIN_LENGTH) onPinChange(pin + digit);
  };
  const deleteLast = () => onPinChange(pin.slice(0, -1));

  // With focus on a key rather than the field, typed digits and Backspace still count.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^\d$/.test(event.key)) type(event.key);
    else if (event.key === 'Backspace') deleteLast();
    else return;
    event.preventDefault();
  }

  return (
    <form
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy && pin.length >= MIN_PIN_LENGTH) onSubmit();
      }}
      className="flex flex-col gap-3"
    >
      <input
        type="password"
        inputMode="none"
        autoComplete="off"
        autoFocus
        aria-label={label}
        maxLength={MAX_PIN_LENGTH}
        value={pin}
        onChange={(event) => onPinChange(event.target.value.replace(/\D/g, '').slice(0, MAX_PIN_LENGTH))}
        data-testid="pin-input"
        className="block min-h-14 w-full rounded-xl border border-slate-300 bg-white px-4 text-center text-3xl tracking-[0.5em] text-slate-900 outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
      />
      <div className="grid grid-cols-3 gap-2">
        {DIGITS.map((digit) => (
          <PadKey key={digit} onPress={() => type(digit)} testId={`pin-key-${digit}`}>
            {digit}
          </PadKey>
        ))}
        <PadKey onPress={deleteLast} testId="pin-key-back" label={t('cashier.backspace')}>
          <BackspaceIcon />
        </PadKey>
        <PadKey onPress={() => type('0')} testId="pin-key-0">
          0
        </PadKey>
        <button
          type="submit"
          disabled={busy || pin.length < MIN_PIN_LENGTH}
          data-testid="pin-ok"
          className="min-h-16 rounded-xl bg-brand-700 text-xl font-bold text-white select-none active:bg-brand-800 disabled:bg-slate-300 disabled:text-slate-500"
        >
          {busy ? t('cashier.checking') : t('cashier.ok')}
        </button>
      </div>
    </form>
  );
}

function PadKey({
  onPress,
  testId,
  label,
  children,
}: {
  onPress: () => void;
  testId: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onPress}
      aria-label={label}
      data-testid={testId}
      className="flex min-h-16 items-center justify-center rounded-xl bg-white text-2xl font-semibold text-slate-900 shadow-sm ring-1 ring-slate-200 select-none active:bg-slate-100"
    >
      {children}
    </button>
  );
}
