import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ClassifierHit, ClassifierName } from '../../../../shared/api/classifier';
import { CLASSIFIER_LEVEL_NAMES, classifierText as t } from '../../../../shared/i18n/ru/classifier';
import { useCall } from '../../api/use-call';
import type { A11yProps } from '../../components/Field';
import { useTopicNames } from './names';
import { pathText, TopicName } from './TopicList';
import './classifier.css';

const TOPIC_CODE = /^\d{4}\.\d{4}(\.\d{4}(\.\d{4}(\.\d{4})?)?)?$/;
const CODE_PREFIX = /^\d{4}(\.\d{4}){0,4}$/;

/**
 * Questions of the thematic classifier picked by keyboard: type words (any form) or a code, ↑/↓ to choose,
 * Enter to add; Backspace in the empty field removes the last one. With nothing typed, ↓ offers the
 * office's most used. `max` 1 makes it a single choice (a filter), where a pick replaces the one held.
 */
export function TopicPicker(props: {
  id: string;
  value: readonly string[];
  onChange(codes: string[]): void;
  scope?: 'question' | 'any';
  max?: number;
  placeholder?: string;
  a11y?: A11yProps;
}) {
  const { id, value, scope = 'question', max = 20 } = props;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<ReadonlyMap<string, ClassifierName>>(new Map());
  const found = useCall('classifier.search', { q: text, scope, limit: 12 }, { enabled: open });
  const items: ClassifierHit[] = open ? (found.data?.items ?? []) : [];
  const named = useTopicNames(value);
  const names = useMemo(() => {
    const m = new Map(picked);
    for (const [k, v] of named) m.set(k, v);
    return m;
  }, [picked, named]);
  const listId = `${id}-list`;
  const at = Math.min(active, Math.max(0, items.length - 1));

  const add = (hit: ClassifierHit, named = true): void => {
    if (named)
      setPicked(
        new Map(picked).set(hit.code, {
          code: hit.code,
          name: hit.name,
          level: hit.level,
          path: hit.path,
          withdrawn: hit.withdrawn,
        }),
      );
    const next = max === 1 ? [hit.code] : value.includes(hit.code) ? [...value] : [...value, hit.code];
    props.onChange(next.slice(0, max));
    setText('');
    setActive(0);
    setOpen(false);
  };

  /** A whole code typed and left (Tab) or entered with nothing offered is kept as typed, never lost. */
  const keepTyped = (): boolean => {
    const code = text.trim();
    if (!(scope === 'any' ? CODE_PREFIX : TOPIC_CODE).test(code)) return false;
    add({ code, name: '', level: code.split('.').length, path: [], uses: 0, withdrawn: null }, false);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive(items.length ? (at + 1) % items.length : 0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(items.length ? (at - 1 + items.length) % items.length : 0);
    } else if (e.key === 'Enter') {
      const hit = items[at];
      if (open && hit) {
        e.preventDefault();
        add(hit);
      } else if (text.trim()) {
        e.preventDefault();
        keepTyped();
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      e.preventDefault();
      props.onChange(value.slice(0, -1));
    }
  };

  const expanded = open && (items.length > 0 || text.trim() !== '');
  const single = max === 1 ? value[0] : undefined;
  if (single !== undefined)
    // A single choice held: the chip stands in the field; Backspace, Delete or Enter on it clears it.
    return (
      <div className="picker picker--single" data-testid={`${id}-picker`}>
        <button
          id={id}
          type="button"
          {...props.a11y}
          className="picker__chip picker__chip--single"
          title={`${pathText(names.get(single))}`}
          aria-label={`${names.get(single)?.name ?? single} — ${t.clear}`}
          onKeyDown={(e) => {
            if (e.key === 'Backspace' || e.key === 'Delete') {
              e.preventDefault();
              props.onChange([]);
            }
          }}
          onClick={() => props.onChange([])}
        >
          <TopicName code={single} name={names.get(single)} />
          <span className="picker__remove" aria-hidden="true">
            ×
          </span>
        </button>
      </div>
    );
  return (
    <div className="picker" data-testid={`${id}-picker`}>
      {value.length > 0 ? (
        <ul className="picker__chips" aria-label={t.label}>
          {value.map((code) => (
            <li key={code} className="picker__chip">
              <TopicName code={code} name={names.get(code)} />
              <button
                type="button"
                className="picker__remove"
                tabIndex={-1}
                aria-label={`${t.remove}: ${code}`}
                onClick={() => props.onChange(value.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        {...props.a11y}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && items[at] ? `${id}-opt-${at}` : undefined}
        placeholder={props.placeholder ?? t.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(e.target.value.trim() !== '');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!keepTyped()) setOpen(false);
        }}
      />
      {expanded ? (
        // A scrolling list is a tab stop in Chromium; the options are reached with ↑/↓ from the field.
        <ul id={listId} role="listbox" tabIndex={-1} className="picker__list" aria-label={t.label}>
          {text.trim() === '' && items.length > 0 ? <li className="picker__group">{t.mostUsed}</li> : null}
          {items.length === 0 && !found.loading ? <li className="picker__empty">{t.nothingFound}</li> : null}
          {items.map((hit, i) => (
            <li
              key={hit.code}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === at}
              className={`picker__option${i === at ? ' picker__option--active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                add(hit);
              }}
            >
              <span className="picker__name">{hit.name}</span>
              <span className="picker__code">
                {hit.level < 4 ? `${CLASSIFIER_LEVEL_NAMES[hit.level]} ` : ''}
                {hit.code}
              </span>
              <span className="picker__path">{hit.path.map((p) => p.name).join(t.pathSeparator)}</span>
              {hit.uses > 0 ? <span className="picker__uses">{t.uses(hit.uses)}</span> : null}
              {hit.withdrawn ? <span className="topic__note--withdrawn">{t.withdrawn}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
