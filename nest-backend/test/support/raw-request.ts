/** One HTTP exchange with full control of method, headers and body, and everything a test may inspect. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: init.headers, body: init.body });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, text, body };
}

const ERROR_KEYS = ['statusCode', 'error', 'code', 'message', 'details', 'path', 'timestamp'];

/** The common error body, and nothing in it that tells a client about the server's insides. */
export function expectCommonErrorShape(answer: RawAnswer, status: number): void {
  expect({ status: answer.status, text: answer.text.slice(0, 300) }).toEqual({ status, text: expect.any(String) });
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({ statusCode: status, error: expect.any(String), code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) });
  expect(typeof answer.body.path).toBe('string');
  expect(Number.isNaN(Date.parse(answer.body.timestamp))).toBe(false);
  expect(Object.keys(answer.body).filter((key) => !ERROR_KEYS.includes(key))).toEqual([]);
  expect(answer.text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|\/src\/|\.[jt]s:\d+|"stack"/i);
}
