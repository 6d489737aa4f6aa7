import { useEffect, useId, type ReactNode } from 'react';
import { Button } from './Button';
import { CloseIcon } from './icons';

interface FullScreenDialogProps {
  title: string;
  closeLabel: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

/** A screen over the till with its title and a close button; Escape closes it too. */
export function FullScreenDialog({ title, closeLabel, onClose, testId, children }: FullScreenDialogProps) {
  const titleId = useId();
  // On the window, not the dialog: focus may be on nothing in particular.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
      className="fixed inset-0 z-20 mx-auto flex max-w-3xl flex-col bg-slate-100"
    >
      <header className="flex items-center gap-2 bg-brand-700 px-3 pt-[max(0.5rem,env(safe-area-inset-top))] pb-2 text-white">
        <h2 id={titleId} className="min-w-0 flex-1 truncate text-lg font-bold">
          {title}
        </h2>
        <Button
          variant="ghost"
          onClick={onClose}
          aria-label={closeLabel}
          className="w-12 px-0 text-white active:bg-white/10"
        >
          <CloseIcon />
        </Button>
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-y-auto px-4 py-3">{children}</div>
    </div>
  );
}
