import { createWorker, environmentOrExit } from './bootstrap';

async function main(): Promise<void> {
  const env = environmentOrExit();
  await createWorker(env);
  process.stdout.write(`Pedidos worker ${process.pid} consuming the queue\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
