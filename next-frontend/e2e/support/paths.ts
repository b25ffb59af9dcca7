import path from 'node:path';

/** The dashboard package, the repository root, the backend, and where browser tests leave logs and pictures. */
export const FRONTEND = path.resolve(__dirname, '..', '..');
export const ROOT = path.resolve(FRONTEND, '..');
export const BACKEND = path.join(ROOT, 'nest-backend');
export const RESULTS = path.join(FRONTEND, 'test-results');
export const NEXT_BIN = path.join(FRONTEND, 'node_modules', 'next', 'dist', 'bin', 'next');
