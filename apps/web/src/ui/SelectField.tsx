import { useId, type ReactNode } from 'react';

interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** The `<option>`s. */
  children: ReactNode;
  className?: string;
}

/** A labelled drop-down as tall as a field (48 px): the same look wherever a person picks one of a few. */
export function SelectField({ label, value, onChange, testId, children, className = '' }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        className="block min-h-12 w-full rounded-xl border border-slate-300 bg-white px-3 text-lg text-slate-900"
      >
        {children}
      </select>
    </div>
  );
}
