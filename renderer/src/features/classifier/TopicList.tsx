import type { ClassifierName } from '../../../../shared/api/classifier';
import { classifierText as t } from '../../../../shared/i18n/ru/classifier';
import './classifier.css';

/** The path of an entry as a tooltip and a line under it: раздел → тематика → тема. */
export function pathText(n: ClassifierName | undefined): string {
  return n ? n.path.map((p) => p.name).join(t.pathSeparator) : '';
}

/**
 * One code by name, its code beside it; a code the classifier does not hold is shown as it is, marked, and one
 * an edition withdrew is named and marked.
 */
export function TopicName({ code, name }: { code: string; name: ClassifierName | undefined }) {
  if (name && name.name === null)
    return (
      <span className="topic topic--unknown" data-code={code}>
        <span className="topic__code">{code}</span> <span className="topic__note">({t.unknown})</span>
      </span>
    );
  return (
    <span
      className="topic"
      data-code={code}
      title={name ? `${pathText(name)}${t.pathSeparator}${name.name}` : undefined}
    >
      {name?.name ? (
        <>
          <span className="topic__name">{name.name}</span> <span className="topic__code">({code})</span>
          {name.withdrawn ? (
            <>
              {' '}
              <span className="topic__note topic__note--withdrawn">{t.withdrawn}</span>
            </>
          ) : null}
        </>
      ) : (
        <span className="topic__code">{code}</span>
      )}
    </span>
  );
}

/** An appeal's questions by name, one a line (the card) or run together (a list's cell). */
export function TopicList(props: {
  codes: readonly string[];
  names: ReadonlyMap<string, ClassifierName>;
  inline?: boolean;
}) {
  if (props.codes.length === 0) return null;
  return (
    <ul className={`topics${props.inline ? ' topics--inline' : ''}`}>
      {props.codes.map((c) => (
        <li key={c}>
          <TopicName code={c} name={props.names.get(c)} />
        </li>
      ))}
    </ul>
  );
}
