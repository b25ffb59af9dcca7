'use client';

/** Last-resort boundary for errors in the root layout itself (no providers are available here). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="pt-BR">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
        <h1>Algo deu errado · Something went wrong</h1>
        <p style={{ fontFamily: 'monospace' }}>{error.message}</p>
        <button type="button" onClick={reset}>
          Tentar de novo · Try again
        </button>
      </body>
    </html>
  );
}
