import { createApi, environmentOrExit } from './bootstrap';

async function main(): Promise<void> {
  const env = environmentOrExit();
  const app = await createApi(env);
  await app.listen(env.PORT);
  process.stdout.write(`Pedidos API listening on ${await app.getUrl()} (OpenAPI at /docs)\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
