/** The banner needs only the open alerts: no cleared ones with them. */
export const alertKeys = {
  open: '/pedidos/alerts?recent=0',
} as const;
