/** Tunables of order searches, validated from the environment at boot (ORDER_SEARCH_TIMEOUT_MS). */
export class OrderSearchSettings {
  constructor(
    /** How long one search or order page may keep the database busy, all its queries together. */
    readonly timeLimitMs: number,
  ) {}
}
