/** SWR key of the order dead letters: the contract path itself, like the other keys. */
export const deadLetterKeys = {
  page: (page: number, limit: number) => `/pedidos/dead-letters?page=${page}&limit=${limit}`,
} as const;

export const DEAD_LETTERS_PER_PAGE = 25;

export const isOrderDeadLettersKey = (key: unknown) => typeof key === 'string' && key.startsWith('/pedidos/dead-letters');
