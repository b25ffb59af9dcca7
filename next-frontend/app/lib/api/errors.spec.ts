import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse } from './errors';

describe('apiErrorFromResponse', () => {
  it("carries the backend's message and code", async () => {
    const body = { statusCode: 409, error: 'Conflict', code: 'RUN_ALREADY_ACTIVE', message: 'a run is already active' };
    const error = await apiErrorFromResponse(new Response(JSON.stringify(body), { status: 409 }));
    expect(error.message).toBe('a run is already active');
    expect(error.status).toBe(409);
    expect(error.code).toBe('RUN_ALREADY_ACTIVE');
  });

  it('joins validation messages', async () => {
    const body = { statusCode: 400, message: ['quantity must be an integer', 'quantity must not be less than 1'] };
    const error = await apiErrorFromResponse(new Response(JSON.stringify(body), { status: 400 }));
    expect(error.message).toBe('quantity must be an integer; quantity must not be less than 1');
  });

  it('falls back to the status line for a non-JSON body', async () => {
    const error = await apiErrorFromResponse(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.message).toBe('HTTP 502 Bad Gateway');
  });
});
