import { useState } from 'react';
import type { Campaign } from '../../../../shared/api/campaigns';
import { MAX_IMPORT_BYTES } from '../../../../shared/api/contact-import';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/hooks';
import { contactsText } from '../../i18n';
import { readAsBase64 } from '../attachments/files';
import { campaignError, t } from './text';

type Notice = { ok: boolean; text: string } | null;

/** Takes contacts into the campaign at its first stage: a saved segment's members, one found by name, a file. */
export function AddContacts(props: { campaign: Campaign }) {
  const campaignId = props.campaign.id;
  const segments = useCall('segments.list', {});
  const [segmentId, setSegmentId] = useState('');
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const found = useCall(
    'contacts.list',
    { filter: { q: query }, offset: 0, limit: 8 },
    { enabled: query.length >= 2 },
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function run(work: () => Promise<string>): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ ok: true, text: await work() });
    } catch (e) {
      setNotice({ ok: false, text: campaignError(e) });
    } finally {
      setBusy(false);
    }
  }

  const addSegment = () =>
    run(async () => {
      const r = await call('campaigns.addContacts', { campaignId, segmentId: segmentId || undefined });
      return t.added(r.added, r.already);
    });
  const addOne = (contactId: string) =>
    run(async () => {
      const r = await call('campaigns.addContacts', { campaignId, contactIds: [contactId] });
      return t.added(r.added, r.already);
    });
  const importFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setNotice({ ok: false, text: `${file.name}: ${contactsText.import.tooLarge}` });
      return;
    }
    void run(async () => {
      const up = await call('contacts.upload', { name: file.name, dataBase64: await readAsBase64(file) });
      const r = await call('campaigns.import', { campaignId, source: { uploadId: up.uploadId } });
      return t.imported(r.rows, r.added + r.already, r.skipped);
    });
  };

  return (
    <section className="panel campaign-add" aria-labelledby="campaign-add-title">
      <h2 id="campaign-add-title">{t.add}</h2>
      <div className="campaign-add__ways">
        <div className="field campaign-add__way">
          <label htmlFor="campaign-segment">{t.fromSegment}</label>
          <div className="campaign-add__row">
            <select id="campaign-segment" value={segmentId} onChange={(e) => setSegmentId(e.target.value)}>
              <option value="">{t.chooseSegment}</option>
              {segments.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn--small"
              disabled={busy || !segmentId}
              onClick={() => void addSegment()}
            >
              {t.addSegment}
            </button>
          </div>
        </div>
        <div className="field campaign-add__way">
          <label htmlFor="campaign-find">{t.oneByOne}</label>
          <input
            id="campaign-find"
            type="search"
            placeholder={t.findContact}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {query.length >= 2 && found.data ? (
            <ul className="campaign-add__found" aria-label={t.found(found.data.total)}>
              {found.data.rows.length === 0 ? <li className="muted">{t.found(0)}</li> : null}
              {found.data.rows.map((c) => (
                <li key={c.id}>
                  <span>
                    {c.fullName}
                    <span className="muted"> {c.phones[0] ?? c.address ?? ''}</span>
                  </span>
                  <button
                    type="button"
                    className="btn btn--small"
                    disabled={busy}
                    aria-label={`${t.addOne}: ${c.fullName}`}
                    onClick={() => void addOne(c.id)}
                  >
                    {t.addOne}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="field campaign-add__way">
          <label htmlFor="campaign-file">{t.fromImport}</label>
          <input
            id="campaign-file"
            type="file"
            accept=".csv,.txt,.xlsx"
            disabled={busy}
            onChange={(e) => {
              importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      <p className="live" role="status" data-testid="campaign-add-notice">
        {notice ? <span className={notice.ok ? 'campaign-ok' : 'campaign-error'}>{notice.text}</span> : null}
      </p>
    </section>
  );
}
