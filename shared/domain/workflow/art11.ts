/**
 * 59-FZ Art. 11: when no answer on the merits is given (DOMAIN §3). Each ground is a branch of the
 * review with its own outcome and notice; a notice term counts from the registration date.
 */
export const ART11_GROUNDS = ['p1', 'p2', 'p3', 'p4', 'p4_1', 'p5', 'p5_1', 'p6'] as const;
export type Art11Ground = (typeof ART11_GROUNDS)[number];

export interface Art11Rule {
  /** The part of Art. 11, as cited in documents. */
  part: string;
  /**
   * The notice owed to the applicant: none possible (part 1), within 7 days of registration, or
   * with no term of its own — then it goes out within the appeal's review term.
   */
  notice: 'none' | 'within7days' | 'withinReviewTerm';
  /** Part 4: the notice is owed only if the name and address can be read. */
  noticeIfReadable?: true;
  /** Part 5: ending the correspondence is the deputy's decision, and names the earlier answers. */
  needsDeputy?: true;
  /**
   * Part 5: how many earlier answers on the merits to the same question the appeal must name. The law
   * says the answers were given «неоднократно», more than once: one earlier answer ends nothing.
   */
  earlierAnswers?: number;
  /** Part 5.1: the notice carries the address (URL) of the page where the answer is published. */
  publishedAnswer?: true;
  /** Part 1: an appeal reporting a crime is still forwarded to the competent body. */
  forwardIfCrime?: true;
}

export const ART11_RULES: Record<Art11Ground, Art11Rule> = {
  p1: { part: '1', notice: 'none', forwardIfCrime: true },
  p2: { part: '2', notice: 'within7days' },
  p3: { part: '3', notice: 'withinReviewTerm' },
  p4: { part: '4', notice: 'within7days', noticeIfReadable: true },
  p4_1: { part: '4.1', notice: 'within7days' },
  p5: { part: '5', notice: 'withinReviewTerm', needsDeputy: true, earlierAnswers: 2 },
  p5_1: { part: '5.1', notice: 'within7days', publishedAnswer: true },
  p6: { part: '6', notice: 'withinReviewTerm' },
};

export type Art11Outcome = 'art11_decision' | 'art11_notice' | 'forwarding' | 'closed';

/** Where an appeal goes when a ground is applied. */
export function art11Outcome(
  ground: Art11Ground,
  opts: { reportsCrime?: boolean; readable?: boolean } = {},
): Art11Outcome {
  const rule = ART11_RULES[ground];
  if (rule.needsDeputy) return 'art11_decision';
  if (rule.forwardIfCrime && opts.reportsCrime) return 'forwarding';
  if (rule.notice === 'none') return 'closed';
  if (rule.noticeIfReadable && opts.readable === false) return 'closed';
  return 'art11_notice';
}
