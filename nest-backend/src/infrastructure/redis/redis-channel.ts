import { RedisClient } from './redis-client';

/**
 * One Redis pub/sub channel of JSON messages, heard by this process's listeners. The subscriber connection (a
 * duplicate of the client: a subscribed connection can send nothing else) opens with the first listener;
 * a message `decode` turns into undefined, or that is not JSON, is not one of ours and is dropped.
 */
export class RedisChannel<T> {
  private subscriber: RedisClient | null = null;
  private readonly listeners = new Set<(message: T) => void>();

  constructor(
    private readonly redis: RedisClient,
    private readonly channel: string,
    private readonly decode: (json: unknown) => T | undefined = (json) => json as T,
  ) {}

  async publish(json: unknown): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(json));
  }

  subscribe(listener: (message: T) => void): () => void {
    this.listeners.add(listener);
    this.ensureSubscriber();
    return () => this.listeners.delete(listener);
  }

  /** Tells this process's listeners directly, without Redis. */
  tell(message: T): void {
    for (const listener of this.listeners) listener(message);
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
  }

  private ensureSubscriber(): void {
    if (this.subscriber) return;
    this.subscriber = this.redis.duplicate();
    void this.subscriber.subscribe(this.channel);
    this.subscriber.on('message', (_channel: string, raw: string) => {
      let message: T | undefined;
      try {
        message = this.decode(JSON.parse(raw));
      } catch {
        return;
      }
      if (message !== undefined) this.tell(message);
    });
  }
}
