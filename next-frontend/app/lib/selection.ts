/** Ids picked in a list, kept across its pages; never more than `max` (the backend refuses a larger selection). */
export type Selection = ReadonlySet<string>;

export const EMPTY_SELECTION: Selection = new Set();

/** Adds or removes one id; adding past `max` leaves the selection as it was. */
export function toggleId(selection: Selection, id: string, max: number): Selection {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else if (next.size < max) next.add(id);
  return next;
}

/** Selects every id of a page (up to `max` in all), or clears them when `on` is false. */
export function setIds(selection: Selection, ids: readonly string[], on: boolean, max: number): Selection {
  const next = new Set(selection);
  for (const id of ids) {
    if (!on) next.delete(id);
    else if (next.size < max) next.add(id);
  }
  return next;
}

/** How much of a page is selected: for the header checkbox (checked, indeterminate or clear). */
export function pageSelection(selection: Selection, ids: readonly string[]): 'none' | 'some' | 'all' {
  const picked = ids.filter((id) => selection.has(id)).length;
  if (picked === 0) return 'none';
  return picked === ids.length ? 'all' : 'some';
}

/** Keeps only the ids still offered (after a retry or a refresh took some away). */
export function keepOffered(selection: Selection, offered: Iterable<string>): Selection {
  const still = new Set(offered);
  const next = [...selection].filter((id) => still.has(id));
  return next.length === selection.size ? selection : new Set(next);
}
