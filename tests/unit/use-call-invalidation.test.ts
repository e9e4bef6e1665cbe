import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type MethodName } from '../../shared/api/index';
import { call } from '../../renderer/src/api/client';
import {
  onTouched,
  touches,
  wrote,
  WRITES_THAT_CHANGE_NOTHING_SHOWN,
} from '../../renderer/src/api/invalidation';
import { stableJson } from '../../renderer/src/api/use-call';

// The client's browser transport, in Node: a tab's session storage and an HTTP server that answers in turn.
const answers = vi.hoisted(() => {
  const queue: unknown[] = [];
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
    fetch: async () => ({ json: async () => queue.shift() }),
  });
  return queue;
});

const methods = Object.keys(contract) as MethodName[];
const reads = methods.filter((m) => contract[m].kind === 'read');
const writes = methods.filter((m) => contract[m].kind === 'write');

describe('which reads a write touches', () => {
  it('every write that changes what a screen shows touches every read', () => {
    for (const write of writes) {
      if (WRITES_THAT_CHANGE_NOTHING_SHOWN.has(write)) continue;
      for (const read of reads) expect(touches(write, read), `${write} → ${read}`).toBe(true);
    }
  });

  it('a read touches nothing, and neither does a logged read or a sign-out', () => {
    for (const read of reads) expect(touches(read, 'home.get')).toBe(false);
    for (const quiet of ['contacts.get', 'contacts.export', 'auth.signOut'] as const)
      expect(touches(quiet, 'contacts.list')).toBe(false);
  });

  it('the quiet writes are writes of the contract', () => {
    for (const m of WRITES_THAT_CHANGE_NOTHING_SHOWN) expect(contract[m].kind).toBe('write');
  });
});

describe('listening for writes', () => {
  it('a write runs the listeners of the reads it touches, until they stop listening', () => {
    const tasks = vi.fn();
    const home = vi.fn();
    const stopTasks = onTouched('tasks.list', tasks);
    const stopHome = onTouched('home.get', home);

    wrote('workflow.sendToDeputy');
    expect(tasks).toHaveBeenCalledTimes(1);
    expect(home).toHaveBeenCalledTimes(1);

    wrote('appeals.list');
    wrote('contacts.get');
    expect(tasks).toHaveBeenCalledTimes(1);

    stopTasks();
    wrote('tasks.reassign');
    expect(tasks).toHaveBeenCalledTimes(1);
    expect(home).toHaveBeenCalledTimes(2);
    stopHome();
  });
});

describe('the client reports its writes', () => {
  afterEach(() => {
    answers.length = 0;
  });

  it('a write that succeeds makes the touched reads read again; a failed one and a read do not', async () => {
    const tasksList = vi.fn();
    const stop = onTouched('tasks.list', tasksList);
    try {
      answers.push({ ok: false, error: { code: 'forbidden', message: 'no' } });
      await expect(call('tasks.reassign', { id: 'x', assigneeId: 'y' })).rejects.toThrow();
      expect(tasksList).not.toHaveBeenCalled();

      answers.push({ ok: true, value: { rows: [], total: 0, nextCursor: null } });
      await call('tasks.list', {});
      expect(tasksList).not.toHaveBeenCalled();

      answers.push({ ok: true, value: {} });
      await call('tasks.reassign', { id: 'x', assigneeId: 'y' });
      expect(tasksList).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });
});

describe('the key of an input', () => {
  it('does not depend on the order of its fields', () => {
    expect(stableJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe(
      stableJson({ a: { c: null, d: [1, { e: 2, f: 1 }] }, b: 1 }),
    );
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: 2 }));
  });
});
