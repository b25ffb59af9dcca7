import 'reflect-metadata';
import { Transform, plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

// Implicit conversion would turn any non-empty string into `true`, so booleans are read from the raw value.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const value = obj[key];
  if (typeof value !== 'string') return value;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  return value;
};

/** Every setting of the backend, with its default; `README.md` and `.env.example` document them. */
export class Environment {
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGO_URI must be a mongodb:// or mongodb+srv:// URI' })
  MONGO_URI: string = 'mongodb://127.0.0.1:27017/pedidos';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @IsInt() @Min(0) @Max(65535)
  PORT: number = 3000;

  @IsInt() @Min(1) @Max(100_000_000)
  MAX_ORDERS: number = 1_500_000;

  /** Two chunks are stored at once; 5,000 stores as fast as 10,000 here with half the memory and shorter event-loop blocks (bench/README.md). */
  @IsInt() @Min(1) @Max(100_000)
  GENERATION_CHUNK_SIZE: number = 5_000;

  /** 5,000 is a measured default: fewest Redis and MongoDB commands per order at full speed (bench/README.md). */
  @IsInt() @Min(1) @Max(100_000)
  ORDERS_PER_JOB: number = 5_000;

  /** The design's 25 consumers per lane and process; as fast as 4 on FerretDB here, and what a MongoDB with cores can use (bench/README.md). */
  @IsInt() @Min(1) @Max(1_000)
  ORDERS_QUEUE_CONCURRENCY: number = 25;

  @IsInt() @Min(100) @Max(3_600_000)
  LOG_PROGRESS_EVERY_MS: number = 1_000;

  @Transform(toBoolean) @IsBoolean()
  BACKEND_LOGS: boolean = true;

  @Transform(toBoolean) @IsBoolean()
  RUN_WORKERS_IN_API: boolean = true;

  @IsInt() @Min(1) @Max(100)
  MAX_ATTEMPTS: number = 5;

  @IsInt() @Min(0) @Max(3_600_000)
  RETRY_BACKOFF_MS: number = 1_000;

  @IsString()
  CORS_ORIGINS: string = 'http://localhost:3001,http://127.0.0.1:3001';

  @IsOptional() @IsString() @MinLength(8, { message: 'API_KEY must be at least 8 characters long' })
  API_KEY?: string;

  /** Control requests (POST) one client may send a minute; reads are never limited. 0 turns the limit off. */
  @IsInt() @Min(0) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 60;

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'KEY_PREFIX must be 1-40 letters, digits, _ or -' })
  KEY_PREFIX: string = 'pedidos';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Counts the MongoDB commands this process sends (driver command monitoring), for `GET /pedidos/metrics/process` and the bench. */
  @Transform(toBoolean) @IsBoolean()
  MONGO_MONITOR_COMMANDS: boolean = false;

  /** Test-only fault injection: orders whose seq is a multiple of this fail every attempt (0 = off). */
  @IsInt() @Min(0)
  FAIL_EVERY_SEQ_MULTIPLE_OF: number = 0;
}

/** Parses and checks the environment; throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(Environment, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((error) => {
      const messages = Object.values(error.constraints ?? {}).join('; ');
      return `  ${error.property}=${JSON.stringify(raw[error.property])}: ${messages}`;
    });
    throw new Error(`invalid environment:\n${problems.join('\n')}`);
  }
  return env;
}
