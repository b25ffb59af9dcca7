/** MongoDB's code for a unique index violation: the document is already there. */
export const DUPLICATE_KEY = 11000;

export interface WriteErrorLike {
  index: number;
  code: number;
  errmsg?: string;
}

/**
 * The per-document errors of an unordered bulk insert of `documents` documents, or null when the error is not
 * one (the write failed as a whole: no connection, server down). The driver reports them on
 * MongoBulkWriteError.writeErrors. When the server goes away in the middle of the insert the driver also
 * throws a MongoBulkWriteError, with no write errors and only part of the documents inserted: that says
 * nothing of the rest, so it counts as failed as a whole too (tried again, what did land is then a duplicate).
 */
export function writeErrorsOf(error: unknown, documents: number): WriteErrorLike[] | null {
  const candidate = error as { writeErrors?: unknown; name?: string; insertedCount?: number };
  if (candidate?.name !== 'MongoBulkWriteError' || candidate.writeErrors === undefined) return null;
  const list = Array.isArray(candidate.writeErrors) ? candidate.writeErrors : [candidate.writeErrors];
  if ((candidate.insertedCount ?? 0) + list.length < documents) return null;
  return list.map((writeError: { index: number; code: number; errmsg?: string; err?: { errmsg?: string } }) => ({
    index: writeError.index,
    code: writeError.code,
    errmsg: writeError.errmsg ?? writeError.err?.errmsg,
  }));
}
