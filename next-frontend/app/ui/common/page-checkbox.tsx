'use client';

import { useEffect, useRef } from 'react';

/** The header checkbox: checked when the whole page is selected, indeterminate when part of it is. */
export function PageCheckbox({ state, disabled, onChange, label }: { state: 'none' | 'some' | 'all'; disabled: boolean; onChange: (on: boolean) => void; label: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) input.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <span className="select-cell">
      <input ref={input} type="checkbox" checked={state === 'all'} disabled={disabled} onChange={() => onChange(state !== 'all')} aria-label={label} data-testid="select-page" />
    </span>
  );
}
