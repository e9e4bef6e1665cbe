/** A result said in a polite live region: green when it went, red with the reason when not. */
export function LiveNotice({ notice }: { notice: { ok: boolean; text: string } | null }) {
  return (
    <div className="live" aria-live="polite">
      {notice ? (
        <p className={`banner ${notice.ok ? 'banner--success' : 'banner--error'}`}>{notice.text}</p>
      ) : null}
    </div>
  );
}
