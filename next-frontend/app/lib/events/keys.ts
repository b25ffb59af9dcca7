/** SWR cache keys of the event-intake reads: the contract paths themselves, like the order keys. */
export const eventKeys = {
  metrics: '/events/metrics',
  deadLetters: (page: number, limit: number) => `/events/dead-letters?page=${page}&limit=${limit}`,
} as const;

export const DEAD_LETTERS_PER_PAGE = 20;

export const isDeadLettersKey = (key: unknown) => typeof key === 'string' && key.startsWith('/events/dead-letters');
