import type { Hq } from './service';
import { currentSeq } from './store';
import { readViewStatus, type ViewStatus } from './view-state';

export interface HqStatus {
  seq: number;
  offices: number;
  nodes: number;
  view: ViewStatus;
  /** The view's file holds another HQ's rows. */
  viewOfAnotherHq: boolean;
}

/** What `npm run hq status` prints: HQ's database, and how far behind its analyst view is and why. */
export async function hqStatus(hq: Hq, viewFile: string): Promise<HqStatus> {
  const seq = await currentSeq(hq.db);
  const count = async (table: 'hq_offices' | 'hq_nodes'): Promise<number> =>
    Number(
      (
        await hq.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const view = readViewStatus(viewFile, seq);
  return {
    seq,
    offices: await count('hq_offices'),
    nodes: await count('hq_nodes'),
    view,
    viewOfAnotherHq: view.hq !== null && view.hq !== hq.officeId,
  };
}
