export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** Cookie read by the server layout so the first paint already has the chosen theme. */
export const THEME_COOKIE = 'pedidos-theme';

export function toTheme(value: string | null | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
