import { afterAll, afterEach } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/define';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { expectError, setUpOffice, type TestOffice as Office } from './helpers';

/**
 * A set-up office for service tests that closes itself after each test: `call` returns the value or
 * throws, `fail` returns the error a call must end with.
 */
export interface TestOffice extends Omit<Office, 'call'> {
  call<M extends MethodName>(method: M, input: Input<M>, token?: string): Promise<Output<M>>;
  fail(method: MethodName, input: unknown, token?: string): Promise<ApiErrorBody>;
}

const opened: Office[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));
/** Offices a whole file's tests read (one fixture, a test per figure), closed after the last. */
const kept: Office[] = [];
afterAll(() => kept.splice(0).forEach((o) => o.close()));

export async function testOffice(
  now = '2026-02-13T07:30:00Z',
  life: 'test' | 'file' = 'test',
): Promise<TestOffice> {
  const office = await setUpOffice(now);
  (life === 'test' ? opened : kept).push(office);
  return {
    ...office,
    call: (method, input, token) => office.value(method, input, token),
    fail: async (method, input, token) => expectError(await office.call(method, input, token)),
  };
}
