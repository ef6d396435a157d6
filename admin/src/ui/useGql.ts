// A query of our own (not a resource's list or record) through the app's GraphQL client, cached by
// react-query like react-admin's own calls, so `useRefresh()` reloads it too.
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';

export function useGql<T>(key: unknown[], query: string, variables: Record<string, unknown> = {}, options: Partial<UseQueryOptions<T>> = {}) {
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  return useQuery<T>({
    queryKey: ['gql', ...key, variables],
    queryFn: ({ signal }) => dataProvider.request<T>(query, variables, { signal }),
    ...options,
  });
}
