import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'light' | 'outlineLight';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white active:bg-brand-800 disabled:bg-slate-300 disabled:text-slate-500',
  secondary:
    'bg-white text-brand-800 ring-1 ring-inset ring-brand-700/30 active:bg-brand-50 disabled:text-slate-400 disabled:ring-slate-200',
  /** Confirms a step that cannot be undone here. */
  danger: 'bg-red-700 text-white active:bg-red-800 disabled:bg-slate-300 disabled:text-slate-500',
  ghost: 'bg-transparent text-brand-800 active:bg-brand-50 disabled:text-slate-400',
  /** On a dark (brand) background. */
  light: 'bg-white text-brand-800 shadow-sm active:bg-brand-50',
  outlineLight: 'bg-transparent text-white ring-1 ring-inset ring-white/50 active:bg-white/10',
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Large buttons (56 px) for the main action of a screen, in the thumb zone. */
  large?: boolean;
}

/**
 * A button at least 48 px tall: comfortable for a thumb on a small phone. No colour
 * transition: on a slow phone the new state must show at once, not fade in.
 */
export function Button({ variant = 'primary', large = false, className = '', type = 'button', ...rest }: ButtonProps) {
  const size = large ? 'min-h-14 px-5 text-lg' : 'min-h-12 px-4 text-base';
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-2 rounded-xl font-semibold select-none disabled:cursor-not-allowed ${size} ${VARIANTS[variant]} ${className}`}
      {...rest}
    />
  );
}
