/**
 * The React Flight rows (the server components' payload) that a Next.js page inlines in its HTML, and the shape in
 * them that made hydration fail with #418 (README, "hydration error #418"): an element straight under an HTML element
 * whose own props reference a client module (a `$<id>` pointing at an `I` row), as the route element carrying
 * app/error.tsx's component was under <main>. Until that module's chunk has loaded, Flight hands the element over as a
 * lazy node; hydration suspends on it while rendering the HTML element, and when the chunk arrives during React's
 * yield, the React that Next.js 15.5 bundles replays the HTML element without rewinding its hydration cursor.
 */

const PUSHED_TEXT = /self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)/g;
const ROW = /^([0-9a-f]+):(.*)$/;
const OUTLINED_REFERENCE = /^\$([0-9a-f]+)$/;
const LAZY_ROW = /^\$L([0-9a-f]+)$/;

/** Rows by id (hex, as Flight writes them), from the `self.__next_f.push` scripts of a page's HTML. */
export function flightRows(html: string): Map<string, string> {
  const payload = [...html.matchAll(PUSHED_TEXT)].map((match) => JSON.parse(`"${match[1]}"`)).join('');
  const rows = new Map<string, string>();
  for (const line of payload.split('\n')) {
    const row = ROW.exec(line);
    if (row) rows.set(row[1], row[2]);
  }
  return rows;
}

type Model = unknown;
type Element = [string, unknown, unknown, Record<string, unknown> | null];

const isElement = (value: Model): value is Element => Array.isArray(value) && value.length === 4 && value[0] === '$';
const isHtmlElement = (type: unknown): type is string => typeof type === 'string' && !type.startsWith('$');

/** Outlined references in an element's own props; nested elements are left out (each is judged on its own). */
function ownReferences(props: Record<string, unknown> | null): string[] {
  const found: string[] = [];
  const walk = (value: Model): void => {
    if (isElement(value)) return;
    if (typeof value === 'string') {
      const reference = OUTLINED_REFERENCE.exec(value);
      if (reference) found.push(reference[1]);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  Object.values(props ?? {}).forEach(walk);
  return found;
}

/** Every element straight under an HTML element whose props reference a client module, described; empty when none. */
export function moduleWaitsUnderHtmlElements(html: string): string[] {
  const rows = flightRows(html);
  const isModuleRow = (id: string) => rows.get(id)?.startsWith('I[') === true;
  const findings: string[] = [];
  const parsed = new Map<string, Model>();
  const model = (id: string): Model => {
    if (!parsed.has(id)) {
      try {
        parsed.set(id, JSON.parse(rows.get(id) ?? 'null'));
      } catch {
        parsed.set(id, null); // not a JSON row (module rows are `I[…]`, text rows `T…`)
      }
    }
    return parsed.get(id);
  };
  const followed = new Set<string>();
  const visit = (value: Model, htmlParent: string | null): void => {
    const lazy = typeof value === 'string' ? LAZY_ROW.exec(value) : null;
    if (lazy) {
      // A row placed here later (Flight outlines big subtrees): its element sits under the same HTML element.
      const key = `${lazy[1]}>${htmlParent}`;
      if (htmlParent && !followed.has(key)) {
        followed.add(key);
        visit(model(lazy[1]), htmlParent);
      }
    } else if (isElement(value)) {
      const [, type, , props] = value;
      const modules = ownReferences(props).filter(isModuleRow);
      if (htmlParent && modules.length) findings.push(`${htmlParent} > ${type} (props reference module row ${modules.join(', ')})`);
      const children = props?.children as Model;
      const parent = isHtmlElement(type) ? type : null;
      (Array.isArray(children) && !isElement(children) ? children : [children]).forEach((child) => visit(child, parent));
      for (const [name, prop] of Object.entries(props ?? {})) if (name !== 'children') visit(prop, null);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, htmlParent));
    else if (value && typeof value === 'object') Object.values(value).forEach((item) => visit(item, null));
  };
  for (const id of rows.keys()) visit(model(id), null);
  return findings;
}
