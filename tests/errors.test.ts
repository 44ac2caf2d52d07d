import { GraphQLError } from 'graphql';
import { Neo4jError } from '../src/db';

function driverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'general processing exception');
}
import { toAppError } from '../src/db/neo4j';
import { ErrorCode, NotFoundError, ServiceUnavailableError, makeFormatError } from '../src/errors';
import { silentLogger } from './helpers/db';

const formatError = makeFormatError(silentLogger);

function format(error: Error) {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['actor'] });
  return formatError(wrapped.toJSON(), wrapped);
}

describe('errors reaching clients', () => {
  it('pass our own errors with their code and details', () => {
    const out = format(new NotFoundError('Actor', 'act-9'));
    expect(out.message).toBe('Actor "act-9" not found');
    expect(out.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Actor', id: 'act-9' });
  });

  it('mask an unexpected error as INTERNAL_SERVER_ERROR without its text or stack', () => {
    const out = format(new Error('Invalid input MATCH (a:Actor {siret: "123"}) at bolt://10.0.0.3:7687'));
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['actor'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(out)).not.toMatch(/MATCH|bolt|stack/);
  });

  it('mask a raw driver error', () => {
    const out = format(driverError('Variable `x` not defined (line 1, column 8)', 'Neo.ClientError.Statement.SyntaxError'));
    expect(out.extensions?.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect(out.message).toBe('Internal server error');
  });

  it('turn a driver connection failure into SERVICE_UNAVAILABLE', () => {
    const mapped = toAppError(driverError('Could not connect', 'ServiceUnavailable'), 1000);
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    expect(format(mapped as Error).extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('turn a transaction timeout into TIMEOUT', () => {
    const mapped = toAppError(driverError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 1500);
    expect(format(mapped as Error).extensions).toEqual({ code: 'TIMEOUT', limitMs: 1500 });
  });
});
