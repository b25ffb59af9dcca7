import { writeConcernFor } from './write-concern';

describe('writeConcernFor', () => {
  it('asks for majority acknowledgement by default, on a replica set as on a single server', () => {
    expect(writeConcernFor('mongodb://db-a:27017,db-b:27017,db-c:27017/pedidos?replicaSet=rs0')).toEqual({ writeConcern: { w: 'majority' } });
    expect(writeConcernFor('mongodb://127.0.0.1:27017/pedidos')).toEqual({ writeConcern: { w: 'majority' } });
  });

  it('leaves the choice to a URI that names a write concern', () => {
    expect(writeConcernFor('mongodb+srv://cluster0.example.net/pedidos?retryWrites=true&w=1')).toEqual({});
  });
});
