import { useCallback, useState } from 'react';
import type { ContactFieldDef, ContactFilter } from '../../../../shared/api/contacts';
import { mayCall } from '../../api/access';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/hooks';
import { contactsText } from '../../i18n';
import { useStore } from '../../store';
import { ContactCard } from './ContactCard';
import { ContactForm } from './ContactForm';
import { ContactList } from './ContactList';
import { FieldColumnChooser, useFieldColumns } from './FieldColumns';
import { Duplicates } from './Duplicates';
import { ImportWizard } from './ImportWizard';
import { ExportPanel, Segments } from './Segments';
import { MailingsView } from '../mailings/MailingsView';
import { VolunteerList } from '../volunteers/VolunteerList';
import './contacts.css';

type Tab = keyof typeof contactsText.tabs;
type Status = { code: string; name: string };
const NO_STATUSES: Status[] = [];
const NO_FIELDS: ContactFieldDef[] = [];

/**
 * The contact base: the list with the card, duplicates, import, segments with export. A change made on
 * the card, a merge, an import are writes: the list reads again by itself (api/invalidation.ts).
 */
export function ContactsView() {
  const role = useStore((s) => s.user?.role);
  const [tab, setTab] = useState<Tab>('base');
  const [q, setQ] = useState('');
  const [segmentFilter, setSegmentFilter] = useState<ContactFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const statusList = useCall('contacts.statuses', {});
  const statuses = statusList.error ? NO_STATUSES : (statusList.data ?? NO_STATUSES);
  const fieldList = useCall('contactFields.list', {});
  const fieldDefs = fieldList.data ?? NO_FIELDS;
  const columns = useFieldColumns(fieldDefs);
  const query = useDebounced(q, 250);
  const filter: ContactFilter = query.trim() ? { ...segmentFilter, q: query.trim() } : segmentFilter;

  const statusName = useCallback(
    (code: string) => statuses.find((s) => s.code === code)?.name ?? code,
    [statuses],
  );

  const tabs = (Object.keys(contactsText.tabs) as Tab[]).filter(
    (t) =>
      (t !== 'import' || mayCall(role, 'contacts.import')) &&
      (t !== 'duplicates' || mayCall(role, 'contacts.merge')) &&
      (t !== 'mailings' || mayCall(role, 'mailings.list')) &&
      (t !== 'volunteers' || mayCall(role, 'volunteers.list')),
  );

  return (
    <section className="page contacts">
      <header className="page__head">
        <h1 className="page__title">{contactsText.title}</h1>
      </header>
      <div role="tablist" className="tabs" aria-label={contactsText.title}>
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className="tabs__tab"
            onClick={() => setTab(t)}
          >
            {contactsText.tabs[t]}
          </button>
        ))}
      </div>
      {tab === 'base' ? (
        <div className="contacts__base">
          <div className="contacts__list">
            <div className="list-tools">
              <input
                type="search"
                aria-label={contactsText.search}
                placeholder={contactsText.search}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onKeyDown={(e) => {
                  // ↓ or Enter goes on to the list, where Enter opens the chosen contact.
                  if (e.key === 'ArrowDown' || e.key === 'Enter') {
                    e.preventDefault();
                    document.querySelector<HTMLElement>('.contact-list')?.focus();
                  }
                }}
              />
              {Object.keys(segmentFilter).length > 0 ? (
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => setSegmentFilter({})}
                >
                  ✕ {contactsText.tabs.segments}
                </button>
              ) : null}
              {fieldDefs.length > 0 ? (
                <FieldColumnChooser defs={fieldDefs} ids={columns.ids} onChange={columns.setIds} />
              ) : null}
              {mayCall(role, 'contacts.create') ? (
                <button type="button" className="btn contacts__new" onClick={() => setCreating(true)}>
                  {contactsText.newContact}
                </button>
              ) : null}
            </div>
            <ContactList
              filter={filter}
              statusName={statusName}
              onOpen={(r) => setOpen(r.id)}
              fieldColumns={columns.shown}
            />
            {mayCall(role, 'contacts.export') ? (
              <ExportPanel filter={filter} label={contactsText.title} />
            ) : null}
          </div>
          {open ? (
            <ContactCard
              key={open}
              id={open}
              statusName={statusName}
              onClose={() => setOpen(null)}
              onOpen={setOpen}
            />
          ) : null}
          {creating ? (
            <ContactForm
              card={null}
              onClose={() => setCreating(false)}
              onSaved={(c) => {
                setCreating(false);
                setOpen(c.id);
              }}
            />
          ) : null}
        </div>
      ) : null}
      {tab === 'duplicates' ? <Duplicates /> : null}
      {tab === 'import' ? <ImportWizard /> : null}
      {tab === 'mailings' ? <MailingsView /> : null}
      {tab === 'volunteers' ? <VolunteerList statusName={statusName} /> : null}
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
