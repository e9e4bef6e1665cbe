import { useMemo } from 'react';
import type { ClassifierName } from '../../../../shared/api/classifier';
import { useCall } from '../../api/use-call';

const CODE = /^\d{4}(\.\d{4}){0,4}$/;

/** The names of classifier codes on screen (one read for all of them); a code not named yet is absent. */
export function useTopicNames(codes: readonly string[]): ReadonlyMap<string, ClassifierName> {
  const asked = useMemo(() => [...new Set(codes.filter((c) => CODE.test(c)))].sort().slice(0, 500), [codes]);
  const { data } = useCall('classifier.names', { codes: asked }, { enabled: asked.length > 0 });
  return useMemo(() => new Map((data?.entries ?? []).map((e) => [e.code, e])), [data]);
}
