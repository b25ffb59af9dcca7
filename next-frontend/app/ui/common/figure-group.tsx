import type { ReactNode } from 'react';

export interface Figure {
  label: string;
  value: ReactNode;
  /** Stable hook for tests (`data-testid`). */
  id?: string;
  /** The raw number behind the formatted value, for tests and tooltips. */
  raw?: number | string | boolean | null;
}

/** A titled card of label/value pairs; values use tabular figures so updates never shift the layout. */
export function FigureGroup({ title, figures }: { title: string; figures: Figure[] }) {
  return (
    <section className="card figure-group" aria-label={title}>
      <h3 className="card-title">{title}</h3>
      <dl>
        {figures.map((figure) => (
          <div key={figure.label} className="figure">
            <dt>{figure.label}</dt>
            <dd
              className="num"
              data-testid={figure.id ? `figure-${figure.id}` : undefined}
              data-value={figure.raw === undefined || figure.raw === null ? undefined : String(figure.raw)}
            >
              {figure.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
