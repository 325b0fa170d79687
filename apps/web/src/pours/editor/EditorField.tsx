import type { ReactNode } from 'react';
import type { PlanField } from './pourDraft';

interface EditorFieldProps {
  field: PlanField;
  label: string;
  issue: string | undefined;
  children: ReactNode;
  wide?: boolean;
}

/** A labelled input with the schema's complaint about it underneath. */
export function EditorField({ field, label, issue, children, wide }: EditorFieldProps) {
  return (
    <label className={`field editor-field${wide ? ' editor-field--wide' : ''}${issue ? ' editor-field--invalid' : ''}`}>
      <span>{label}</span>
      {children}
      {issue && (
        <span className="editor-error" data-testid={`editor-error-${field}`} id={`editor-error-${field}`}>
          {issue}
        </span>
      )}
    </label>
  );
}
