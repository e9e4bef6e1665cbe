import type { Input, Output } from '../../../../shared/api/index';
import { decisionSummary, routingUi as t } from '../../../../shared/i18n/ru/routing';
import { stableJson, useCall } from '../../api/use-call';
import { useDebounced } from '../../components/hooks';
import { useStore } from '../../store';
import { splitTopics } from '../register/input';
import './routing.css';

type Decision = Output<'routing.preview'>;

/**
 * The routing rule the registration form's draft would get, asked a moment after the last change of its
 * question, channel, kind or applicant; undefined until the first answer.
 */
export function useRoutingPreview(): Decision | undefined {
  const d = useStore((s) => s.draft);
  const input: Input<'routing.preview'> = {
    topics: splitTopics(d.topics),
    channel: d.channel,
    kind: d.kind,
    applicant: { ...(d.contact ? { contactId: d.contact.id } : {}), address: d.address },
  };
  const key = useDebounced(stableJson(input), 300);
  return useCall('routing.preview', JSON.parse(key) as Input<'routing.preview'>).data;
}

/**
 * «Правило: …» and what it sets, under the form's responsible field. A responsible chosen in the form
 * overrides the rule's, and the note says so.
 */
export function RoutingPreview({ decision, manual }: { decision: Decision | undefined; manual: boolean }) {
  if (!decision || (!decision.rule && decision.skipped.length === 0)) return null;
  const parts = decisionSummary(decision, manual);
  return (
    <div className="banner banner--info routing-preview" aria-live="polite" data-testid="routing-preview">
      {decision.rule ? (
        <div>
          <strong>{t.rule(decision.rule.name)}</strong>
          {parts.length ? ` — ${parts.join(', ')}` : null}
        </div>
      ) : null}
      {decision.skipped.length ? (
        <div className="muted">{t.skipped(decision.skipped.map((s) => s.name))}</div>
      ) : null}
    </div>
  );
}
