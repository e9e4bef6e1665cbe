/**
 * Hybrid logical clock (Kulkarni et al.), as in Actual Budget's crdt/timestamp: a stamp orders events
 * across offices even when their wall clocks disagree, and compares as a plain string.
 * Format: `<ISO millis>-<counter, 4 hex>-<node, 16 hex>`.
 */
export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
const MAX_DRIFT_MS = 5 * 60 * 1000;

export class HlcError extends Error {}

export function formatHlc(s: HlcState): string {
  return `${new Date(s.millis).toISOString()}-${s.counter.toString(16).padStart(4, '0')}-${s.node}`;
}

export function parseHlc(stamp: string): HlcState {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(stamp);
  if (!m) throw new HlcError(`invalid HLC stamp: ${stamp}`);
  return { millis: Date.parse(m[1]!), counter: parseInt(m[2]!, 16), node: m[3]! };
}

/** A clock for one node (one office database). `send` stamps a local event; `receive` merges a remote stamp. */
export class Hlc {
  private state: HlcState;

  constructor(node: string, last?: string) {
    if (!/^[0-9a-f]{16}$/.test(node)) throw new HlcError(`invalid HLC node id: ${node}`);
    this.state = last ? { ...parseHlc(last), node } : { millis: 0, counter: 0, node };
  }

  send(physicalMs: number): string {
    const millis = Math.max(this.state.millis, physicalMs);
    const counter = millis === this.state.millis ? this.state.counter + 1 : 0;
    if (counter > MAX_COUNTER) throw new HlcError('HLC counter overflow');
    this.state = { millis, counter, node: this.state.node };
    return formatHlc(this.state);
  }

  receive(remote: string, physicalMs: number): string {
    const r = parseHlc(remote);
    if (r.millis - physicalMs > MAX_DRIFT_MS) throw new HlcError('remote clock is too far ahead');
    const millis = Math.max(this.state.millis, r.millis, physicalMs);
    let counter: number;
    if (millis === this.state.millis && millis === r.millis)
      counter = Math.max(this.state.counter, r.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === r.millis) counter = r.counter + 1;
    else counter = 0;
    if (counter > MAX_COUNTER) throw new HlcError('HLC counter overflow');
    this.state = { millis, counter, node: this.state.node };
    return formatHlc(this.state);
  }

  get last(): string {
    return formatHlc(this.state);
  }
}
