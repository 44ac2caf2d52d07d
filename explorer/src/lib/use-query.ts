import { useEffect, useState } from 'react';
import type { TypedDocumentString } from '../generated/graphql';
import { describeError, request } from './api';

export type QueryState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string; code?: string } | { status: 'done'; data: T };

/**
 * Runs a typed document whenever its variables change (compared as JSON); `null` variables mean
 * "nothing to ask yet". The previous request is aborted when a newer one starts.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const [state, setState] = useState<QueryState<TResult>>({ status: 'idle' });
  const key = variables === null ? null : JSON.stringify(variables);
  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    request(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ status: 'done', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: describeError(error), code: (error as { code?: string }).code });
      },
    );
    return () => controller.abort();
  }, [document, key]);
  return state;
}
