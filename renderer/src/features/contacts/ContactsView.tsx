import { useCallback, useEffect, useState } from 'react';
import type { ContactFilter } from '../../../../shared/api/contacts';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useDebounced } from '../../components/hooks';
import { C } from '../../i18n';
import { useStore } from '../../store';
import { ContactCard } from './ContactCard';
import { ContactList } from './ContactList';
import { Duplicates } from './Duplicates';
import { ImportWizard } from './ImportWizard';
import { ExportPanel, Segments } from './Segments';
import './contacts.css';

type Tab = keyof typeof C.tabs;
type Status = { code: string; name: string };

/** The contact base: the list with the card, duplicates, import, segments with export. */
export function ContactsView() {
  const role = useStore((s) => s.user?.role);
  const [tab, setTab] = useState<Tab>('base');
  const [q, setQ] = useState('');
  const [segmentFilter, setSegmentFilter] = useState<ContactFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const query = useDebounced(q, 250);
  const filter: ContactFilter = query.trim() ? { ...segmentFilter, q: query.trim() } : segmentFilter;

  useEffect(() => {
    call('contacts.statuses', {}).then(setStatuses, () => setStatuses([]));
  }, []);

  const statusName = useCallback(
    (code: string) => statuses.find((s) => s.code === code)?.name ?? code,
    [statuses],
  );
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const tabs = (Object.keys(C.tabs) as Tab[]).filter(
    (t) =>
      (t !== 'import' || mayCall(role, 'contacts.import')) &&
      (t !== 'duplicates' || mayCall(role, 'contacts.merge')),
  );

  return (
    <section className="page contacts">
      <header className="page__head">
        <h1 className="page__title">{C.title}</h1>
      </header>
      <div role="tablist" className="tabs" aria-label={C.title}>
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className="tabs__tab"
            onClick={() => setTab(t)}
          >
            {C.tabs[t]}
          </button>
        ))}
      </div>
      {tab === 'base' ? (
        <div className="contacts__base">
          <div className="contacts__list">
            <div className="list-tools">
              <input
                type="search"
                aria-label={C.search}
                placeholder={C.search}
                value={q}
                onChange={(e) => setQ(e.target.value)}
              />
              {Object.keys(segmentFilter).length > 0 ? (
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => setSegmentFilter({})}
                >
                  ✕ {C.tabs.segments}
                </button>
              ) : null}
            </div>
            <ContactList
              filter={filter}
              version={version}
              statusName={statusName}
              onOpen={(r) => setOpen(r.id)}
            />
            {mayCall(role, 'contacts.export') ? <ExportPanel filter={filter} label={C.title} /> : null}
          </div>
          {open ? (
            <ContactCard
              key={open}
              id={open}
              statusName={statusName}
              onClose={() => setOpen(null)}
              onChanged={changed}
            />
          ) : null}
        </div>
      ) : null}
      {tab === 'duplicates' ? <Duplicates onChanged={changed} /> : null}
      {tab === 'import' ? <ImportWizard onImported={changed} /> : null}
      {tab === 'segments' ? (
        <Segments
          statuses={statuses}
          onShow={(f) => {
            setSegmentFilter(f);
            setTab('base');
          }}
        />
      ) : null}
    </section>
  );
}
