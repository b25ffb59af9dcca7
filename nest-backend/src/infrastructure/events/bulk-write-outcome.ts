/** MongoDB's code for a unique index violation: the document is already there. */
export const DUPLICATE_KEY = 11000;

export interface WriteErrorLike {
  index: number;
  code: number;
  errmsg?: string;
}

/**
 * The per-document errors of an unordered bulk insert, or null when the error is not one (the write failed
 * as a whole: no connection, server down). The driver reports them on MongoBulkWriteError.writeErrors.
 */
export function writeErrorsOf(error: unknown): WriteErrorLike[] | null {
  const candidate = error as { writeErrors?: unknown; name?: string };
  if (candidate?.name !== 'MongoBulkWriteError' || candidate.writeErrors === undefined) return null;
  const list = Array.isArray(candidate.writeErrors) ? candidate.writeErrors : [candidate.writeErrors];
  return list.map((writeError: { index: number; code: number; errmsg?: string; err?: { errmsg?: string } }) => ({
    index: writeError.index,
    code: writeError.code,
    errmsg: writeError.errmsg ?? writeError.err?.errmsg,
  }));
}
