// Accessible form controls: a visible label tied to the control, a hint, and the error text
// next to the field (aria-invalid + aria-describedby so screen readers read it).
import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldShell {
  label: string;
  error?: string;
  hint?: ReactNode;
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

// The label, hint and error around one control; `control` gets the id and ARIA attributes.
function FieldFrame({ label, error, hint, className, control }: FieldShell & { className?: string; control(props: ControlProps): ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export const TextField = forwardRef<HTMLInputElement, FieldShell & InputHTMLAttributes<HTMLInputElement>>(
  function TextField({ label, error, hint, className, ...rest }, ref) {
    return <FieldFrame {...{ label, error, hint, className }} control={(p) => <input ref={ref} {...p} {...rest} />} />;
  },
);

export const TextArea = forwardRef<HTMLTextAreaElement, FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function TextArea({ label, error, hint, className, ...rest }, ref) {
    return <FieldFrame {...{ label, error, hint, className }} control={(p) => <textarea ref={ref} {...p} {...rest} />} />;
  },
);

export const SelectField = forwardRef<HTMLSelectElement, FieldShell & SelectHTMLAttributes<HTMLSelectElement>>(
  function SelectField({ label, error, hint, className, children, ...rest }, ref) {
    return (
      <FieldFrame
        {...{ label, error, hint, className }}
        control={(p) => (
          <select ref={ref} {...p} {...rest}>
            {children}
          </select>
        )}
      />
    );
  },
);

// A message about the whole form (not one field), read out when it appears.
export function FormError({ message }: { message: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
