import { DUPLICATE_KEY, writeErrorsOf } from './bulk-write-outcome';

const bulkError = (insertedCount: number, writeErrors: Array<{ index: number; code: number; errmsg?: string }>) => ({ name: 'MongoBulkWriteError', insertedCount, writeErrors });

describe('writeErrorsOf', () => {
  it('gives the per-document errors when they account for every document not inserted', () => {
    const errors = writeErrorsOf(bulkError(8, [{ index: 2, code: DUPLICATE_KEY, errmsg: 'E11000' }, { index: 5, code: 121, errmsg: 'invalid' }]), 10);
    expect(errors).toEqual([{ index: 2, code: DUPLICATE_KEY, errmsg: 'E11000' }, { index: 5, code: 121, errmsg: 'invalid' }]);
  });

  it('says the write failed as a whole when the server went away part-way (a bulk error with no write errors)', () => {
    // What the driver throws when FerretDB is killed during an insertMany: "connection 2 to … closed", some documents in.
    expect(writeErrorsOf(bulkError(71, []), 200)).toBeNull();
    expect(writeErrorsOf(bulkError(0, []), 200)).toBeNull();
  });

  it('says the write failed as a whole when some documents are neither inserted nor reported', () => {
    expect(writeErrorsOf(bulkError(50, [{ index: 60, code: DUPLICATE_KEY }]), 100)).toBeNull();
  });

  it('is null for errors that are not bulk write errors', () => {
    expect(writeErrorsOf(new Error('connection refused'), 10)).toBeNull();
    expect(writeErrorsOf({ name: 'MongoServerSelectionError' }, 10)).toBeNull();
  });
});
