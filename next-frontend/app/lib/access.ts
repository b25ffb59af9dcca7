/** `GET /pedidos/access`: what the dashboard's key may do. */
export interface AccessView {
  role: 'write' | 'read';
  controlsNeedKey: boolean;
  readsNeedKey: boolean;
}

export const ACCESS_KEY = '/pedidos/access';

/**
 * Whether to show the controls: unless the backend said the key may only read. While that is unknown (the
 * backend did not answer yet) they show, as they always did; an action then answers for itself.
 */
export function showsControls(access: AccessView | undefined | null): boolean {
  return access?.role !== 'read';
}
