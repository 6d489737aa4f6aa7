import { useId, type InputHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled input with its error below; the error is tied to the input for screen readers. */
export function Field({ label, error, hint, className = '', ...input }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        className={`block min-h-12 w-full rounded-xl border bg-white px-3 text-lg text-slate-900 outline-none placeholder:text-slate-400 focus:ring-2 ${
          error ? 'border-red-500 focus:ring-red-300' : 'border-slate-300 focus:border-brand-600 focus:ring-brand-100'
        }`}
        {...input}
      />
      {message ? (
        <p id={messageId} className={`mt-1 text-sm ${error ? 'text-red-700' : 'text-slate-500'}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
