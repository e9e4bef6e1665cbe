import { useEffect, type ReactNode } from 'react';
import type { Figure, Home, HomeLink } from '../../../../shared/api/home';
import { eventStateLabels } from '../../../../shared/i18n/ru/events';
import { formatNumber } from '../../../../shared/domain/number';
import { dayShort } from '../../../../shared/i18n/ru/home';
import { useCall } from '../../api/use-call';
import { toHash, type ListRoute, type Route } from '../../app/nav-slice';
import { errorText, homeText, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { DayTasks } from './DayTasks';
import './home.css';

type View<V extends Home['view']> = Extract<Home, { view: V }>;

const routeOf = (link: HomeLink): ListRoute => ({ view: link.list, filter: link.filter }) as ListRoute;

/** A link that goes through the store (the fragment alone would not move the app). */
function Go(props: { to: Route; className?: string; label?: string; testId?: string; children: ReactNode }) {
  const go = useStore((s) => s.go);
  return (
    <a
      href={toHash(props.to)}
      className={props.className}
      aria-label={props.label}
      data-testid={props.testId}
      onClick={(e) => {
        e.preventDefault();
        go(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/**
 * A big number and what it counts; it opens the list behind it. `late` figures turn red when not zero,
 * so what is overdue stands out before anything is read.
 */
function FigureTile(props: {
  figure: Figure;
  /** What it counts, the noun agreeing with the number when given as a function of it. */
  label: string | ((n: number) => string);
  late?: boolean;
  big?: boolean;
  testId: string;
}) {
  const { figure } = props;
  const label = typeof props.label === 'string' ? props.label : props.label(figure.count);
  const tone = figure.count === 0 ? 'zero' : props.late ? 'late' : 'normal';
  return (
    <Go
      to={routeOf(figure.link)}
      className={`figure figure--${tone}${props.big ? ' figure--big' : ''}`}
      label={homeText.figureLabel(figure.count, label)}
      testId={props.testId}
    >
      <span className="figure__n" data-testid={`${props.testId}-count`}>
        {formatNumber(figure.count)}
      </span>
      <span className="figure__label">{label}</span>
    </Go>
  );
}

/** A count in a table cell: a link to its list, red when late and not zero. */
function CountCell(props: { figure: Figure | null; what: string; late?: boolean; testId?: string }) {
  const { figure } = props;
  if (!figure) return <td className="num muted">{ui.none}</td>;
  return (
    <td className="num">
      <Go
        to={routeOf(figure.link)}
        className={`count-link${props.late && figure.count > 0 ? ' count-link--late' : ''}`}
        label={homeText.figureLabel(figure.count, props.what)}
        testId={props.testId}
      >
        {formatNumber(figure.count)}
      </Go>
    </td>
  );
}

/** A table of figures by row (an office, a person, a body): each count a link to the list it counts. */
function CountTable(props: {
  label: string;
  rowHeader: string;
  columns: ReadonlyArray<{ title: string; late?: boolean }>;
  rows: ReadonlyArray<{ key: string; name: string; figures: ReadonlyArray<Figure | null> }>;
}) {
  return (
    <table className="home__table" aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{props.rowHeader}</th>
          {props.columns.map((c) => (
            <th key={c.title} scope="col" className="num">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            {props.columns.map((c, i) => (
              <CountCell
                key={c.title}
                figure={r.figures[i] ?? null}
                what={`${r.name}: ${c.title}`}
                late={c.late}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Panel(props: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`home__group ${props.className ?? ''}`} aria-label={props.title}>
      <h2 className="home__group-title">{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A row of figures under a heading. */
function Group(props: { title: string; children: ReactNode; className?: string }) {
  return (
    <Panel title={props.title} className={props.className}>
      <div className="home__figures">{props.children}</div>
    </Panel>
  );
}

function DeputyHome({ home }: { home: View<'deputy'> }) {
  const d = homeText.deputy;
  return (
    <>
      <Group title={d.waiting} className="home__group--main">
        <FigureTile figure={home.queue} label={d.queue} big testId="home-queue" />
        <FigureTile figure={home.resolutions} label={d.resolutions} testId="home-resolutions" />
        <FigureTile figure={home.letters} label={d.letters} testId="home-letters" />
      </Group>
      <Group title={d.late}>
        <FigureTile figure={home.queueOverdue} label={d.queueOverdue} late testId="home-queue-overdue" />
        <FigureTile figure={home.overdueAppeals} label={d.overdueAppeals} late testId="home-overdue" />
        <FigureTile
          figure={home.overdueRequests}
          label={d.overdueRequests}
          late
          testId="home-requests-overdue"
        />
      </Group>
      <Group title={d.events}>
        <FigureTile figure={home.eventsToday} label={d.eventsToday} testId="home-events-today" />
        <FigureTile
          figure={home.eventsWeek}
          label={d.eventsWeek(home.week.from, home.week.to)}
          testId="home-events-week"
        />
        <div className="home__events">
          {home.events.length === 0 ? (
            <p className="muted">{d.noEvents}</p>
          ) : (
            <ul aria-label={d.eventsList}>
              {home.events.map((e) => (
                <li key={e.id} className={e.date === home.today ? 'home__event--today' : undefined}>
                  <Go to={{ view: 'event', id: e.id }}>
                    <span className="home__event-when">
                      {dayShort(e.date)}
                      {e.startTime ? `, ${e.startTime}` : ''}
                    </span>
                    <span className="home__event-title">{e.title}</span>
                  </Go>
                  <span className="muted">
                    {[e.place, eventStateLabels[e.stage]].filter(Boolean).join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Group>
    </>
  );
}

function AssistantHome({ home }: { home: View<'assistant'> }) {
  const a = homeText.assistant;
  return (
    <>
      <Group title={a.day} className="home__group--main">
        <FigureTile figure={home.tasksToday} label={a.tasksToday} big testId="home-tasks-today" />
        <FigureTile figure={home.tasksOverdue} label={a.tasksOverdue} late testId="home-tasks-overdue" />
      </Group>
      <DayTasks />
      <Group title={a.appeals}>
        <FigureTile figure={home.openAppeals} label={a.openAppeals} testId="home-my-open" />
        <FigureTile figure={home.overdueAppeals} label={a.overdueAppeals} late testId="home-my-overdue" />
      </Group>
      <Panel title={a.byStage}>
        {home.byStage.length === 0 ? (
          <p className="muted">{a.noAppeals}</p>
        ) : (
          <ul className="home__stages">
            {home.byStage.map((s) => (
              <li key={s.status}>
                <Go
                  to={routeOf(s.figure.link)}
                  className="home__stage"
                  label={homeText.figureLabel(s.figure.count, labels.statusLabels[s.status])}
                  testId={`home-stage-${s.status}`}
                >
                  <span className={`pill pill--${s.status}`}>{labels.statusLabels[s.status]}</span>
                  <span className="home__stage-n">{s.figure.count}</span>
                </Go>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

function OfficeHome({ home }: { home: View<'office'> }) {
  const o = homeText.office;
  return (
    <>
      <Group title={home.offices ? o.allOffices : o.office} className="home__group--main">
        <FigureTile figure={home.overdueAppeals} label={o.overdueAppeals} late big testId="home-overdue" />
        <FigureTile figure={home.openAppeals} label={o.openAppeals} testId="home-open" />
        {home.overdueTasks ? (
          <FigureTile figure={home.overdueTasks} label={o.overdueTasks} late testId="home-tasks-overdue" />
        ) : null}
        <FigureTile
          figure={home.overdueRequests}
          label={o.overdueRequests}
          late
          testId="home-requests-overdue"
        />
        {home.queue ? <FigureTile figure={home.queue} label={o.queue} testId="home-queue" /> : null}
      </Group>
      {home.offices ? (
        <Panel title={o.offices}>
          <CountTable
            label={o.officesLabel}
            rowHeader={o.officeColumn}
            columns={[{ title: o.openAppealsColumn }, { title: o.overdueAppealsColumn, late: true }]}
            rows={home.offices.map((office) => ({
              key: office.officeId,
              name: `${office.code} — ${office.name}`,
              figures: [office.openAppeals, office.overdueAppeals],
            }))}
          />
        </Panel>
      ) : null}
      <Panel title={o.staff}>
        <CountTable
          label={o.staffLabel}
          rowHeader={o.person}
          columns={[
            { title: o.openAppealsColumn },
            { title: o.overdueAppealsColumn, late: true },
            { title: o.openTasksColumn },
            { title: o.overdueTasksColumn, late: true },
          ]}
          rows={home.staff.map((p) => ({
            key: p.userId ?? 'nobody',
            name: p.name ? (p.officeCode ? o.staffOf(p.name, p.officeCode) : p.name) : o.nobody,
            figures: [p.openAppeals, p.overdueAppeals, p.openTasks, p.overdueTasks],
          }))}
        />
      </Panel>
      <Panel title={o.bodies}>
        {home.requestsByBody.length === 0 ? (
          <p className="muted">{o.noLateRequests}</p>
        ) : (
          <CountTable
            label={o.bodiesLabel}
            rowHeader={o.body}
            columns={[{ title: o.overdueColumn, late: true }]}
            rows={home.requestsByBody.map((b) => ({
              key: b.bodyId,
              name: b.body ?? o.noBody,
              figures: [b.overdue],
            }))}
          />
        )}
      </Panel>
    </>
  );
}

/** The first screen after sign-in: the role's figures, each a link to the list behind it. */
export function HomeView() {
  const user = useStore((s) => s.user);
  // Its figures count what any write may change: they read again after one.
  const got = useCall('home.get', {});
  const home = got.data ?? null;
  const error = got.error ? errorText(got.error) : null;

  const shown = home !== null;
  useEffect(() => {
    // Keyboard first: the first figure takes the focus, Tab walks the rest. Once: a figure read again
    // after a write leaves the focus where the user has put it.
    if (shown) document.querySelector<HTMLElement>('.home .figure')?.focus();
  }, [shown]);

  return (
    <section className="page home" data-testid="home" data-view={home?.view}>
      <header className="page__head">
        <h1 className="page__title">{user?.fullName ?? homeText.title}</h1>
        <div className="page__meta">{home ? homeText.today(home.today) : ui.loading}</div>
      </header>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {home?.view === 'deputy' ? <DeputyHome home={home} /> : null}
      {home?.view === 'assistant' ? <AssistantHome home={home} /> : null}
      {home?.view === 'office' ? <OfficeHome home={home} /> : null}
    </section>
  );
}
