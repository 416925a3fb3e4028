// The outflow dashboard: reads /api/v1/monitor/outflow as the logged-in user (login.js) and draws it with Chart.js.
(function () {
  const el = id => document.getElementById(id);
  const charts = {};
  // Counts and days are measured from zero; a bar floating above a non-zero base would misstate them.
  Chart.defaults.scales.linear.beginAtZero = true;
  const today = new Date();
  el('to').value = today.toISOString().slice(0, 7);
  el('from').value = today.getFullYear() + '-01';

  // Monitors ask for whole calendar months: the first day of the first month to the last day of the last.
  const firstDay = month => month + '-01';
  const lastDay = month => {
    const [y, m] = month.split('-').map(Number);
    return month + '-' + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
  };

  const shown = (figures, suppressed, name) => suppressed.includes(name) ? '<5'
    : figures[name] == null ? '–' : figures[name];

  async function fetchJson(path) {
    const response = await fetch(path,
      { headers: { Authorization: WeerThuisLogin.authorization(), Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error((problem.title || response.status) + ': ' + (problem.detail || ''));
    }
    return response.json();
  }
  const fetchFigures = query => fetchJson('/api/v1/monitor/outflow?' + new URLSearchParams(query));

  // A family's definition ("openSignalsByKind.{kind}") explains each of its members.
  function definitionOf(definitions, name) {
    return definitions.find(d => new RegExp('^' + d.figure.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\\\{[a-zA-Z]+\\\}|\{[a-zA-Z]+\}/g, '[^.]+') + '$').test(name));
  }

  function legend(dictionary) {
    el('legend-rules').textContent = [dictionary.period, dictionary.statistics, dictionary.suppression].join('\n');
    const body = el('definitions').querySelector('tbody');
    body.replaceChildren(...dictionary.figures.map(d => {
      const row = document.createElement('tr');
      row.dataset.figure = d.figure;
      [d.figure, d.label + ' — ' + d.counts, d.businessDate, d.base || '', d.computation].forEach((text, i) => {
        const cell = document.createElement('td');
        if (i === 0 || i === 4) { const code = document.createElement('code'); code.textContent = text; cell.append(code); }
        else { cell.textContent = text; }
        row.append(cell);
      });
      return row;
    }));
  }

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new Chart(el(id), config);
  }

  el('filters').addEventListener('submit', async event => {
    event.preventDefault();
    const query = { from: firstDay(el('from').value), to: lastDay(el('to').value) };
    if (el('region').value.trim()) { query.region = el('region').value.trim(); }
    el('status').textContent = 'Loading…';
    try {
      const [total, monthly, dictionary, register] = await Promise.all([fetchFigures(query),
        fetchFigures({ ...query, groupBy: 'month' }), fetchJson('/api/v1/monitor/definitions'),
        // Names from the organisation register next to the numbers; without it the numbers alone.
        fetchJson('/api/v1/organisations').catch(() => ({ organisations: [] }))]);
      names = new Map(register.organisations.map(o => [o.organisationId, o.name]));
      el('dashboard').hidden = false; // charts measure their canvas: show it before drawing
      legend(dictionary);
      render(total.groups[0], monthly.groups, dictionary.figures);
      el('status').textContent = 'Figures ' + query.from + ' – ' + query.to + (query.region ? ' · ' + query.region : '');
    } catch (error) {
      el('status').textContent = error.message;
    }
  });

  /** "Name (number)" where the register knows the organisation, else the number. */
  let names = new Map();
  function organisation(number) {
    return names.has(number) ? names.get(number) + ' (' + number + ')' : number;
  }

  function render(total, months, definitions) {
    const f = total.figures, s = total.suppressed, leftOut = total.suppressedCells || {};
    document.querySelectorAll('[id^="figure-"]').forEach(tile => {
      const name = tile.id.slice('figure-'.length);
      const value = shown(f, s, name);
      tile.textContent = name.startsWith('share') && typeof value === 'number' ? Math.round(value * 100) + '%' : value;
      const definition = definitionOf(definitions, name);
      let title = definition ? definition.label + ': ' + definition.counts + ' (by ' + definition.businessDate + ')' : '';
      if (name.startsWith('share') && f[name + 'Denominator'] != null) {
        title += ' — ' + f[name + 'Numerator'] + ' of ' + f[name + 'Denominator'];
      }
      if (leftOut[name] && !s.includes(name)) {
        const more = document.createElement('span');
        more.className = 'more';
        more.textContent = '+';
        tile.append(more);
        title += ' — plus ' + leftOut[name] + ' left-out cell(s) of 1–4';
      }
      tile.parentElement.title = title;
    });

    // Every figure of the selection, each explained by its definition: nothing the API gives stays out of sight.
    el('all-figures').querySelector('tbody').replaceChildren(...Object.keys(f).map(name => {
      const row = document.createElement('tr');
      row.dataset.figure = name;
      const definition = definitionOf(definitions, name);
      const cells = [name, String(shown(f, s, name)), leftOut[name] ? String(leftOut[name]) : ''];
      cells.forEach((text, i) => {
        const cell = document.createElement('td');
        cell.textContent = text;
        if (i === 0 && definition) { cell.title = definition.label + ': ' + definition.counts; }
        row.append(cell);
      });
      return row;
    }));

    const labels = months.map(m => m.group);
    let cumulative = 0;
    const perMonth = months.map(m => m.suppressed.includes('outflows') ? null : m.figures.outflows);
    const running = perMonth.map(n => (cumulative += (n || 0)));
    const datasets = [
      { type: 'bar', label: 'outflows', data: perMonth, backgroundColor: '#154273' },
      { type: 'line', label: 'cumulative', data: running, borderColor: '#ffb612' }];
    if (f.targetOutflows != null) {
      const line = labels.map((_, i) => Math.round(f.targetOutflows * (i + 1) / labels.length));
      datasets.push({ type: 'line', label: 'target ' + f.targetOutflows + ' by ' + f.targetDate, data: line,
        borderColor: '#a90061', borderDash: [6, 4] });
    }
    draw('chart-outflow', { data: { labels, datasets } });

    const corporations = Object.keys(f).filter(k => k.startsWith('quotaAgreed.')).map(k => k.slice(12));
    draw('chart-quota', { type: 'bar', data: { labels: corporations.map(organisation), datasets: [
      { label: 'agreed', data: corporations.map(c => f['quotaAgreed.' + c]), backgroundColor: '#8fcae7' },
      { label: 'used', data: corporations.map(c => f['quotaUsed.' + c]), backgroundColor: '#154273' }] } });

    const steps = [['daysTrajectoryToOffer', 'start → offer'], ['daysOfferToMoveIn', 'offer → move-in'],
      ['daysMoveInToFlip', 'move-in → flip']];
    draw('chart-throughput', { type: 'bar', data: { labels: steps.map(x => x[1]), datasets: [
      { label: 'median', data: steps.map(x => f[x[0] + 'Median']), backgroundColor: '#154273' },
      { label: 'p90', data: steps.map(x => f[x[0] + 'P90']), backgroundColor: '#ffb612' }] } });

    const kinds = Object.keys(f).filter(k => k.startsWith('openSignalsByKind.'));
    draw('chart-signals', { type: 'bar', data: { labels: kinds.map(k => k.slice(18)), datasets: [
      { label: 'open signals', data: kinds.map(k => f[k]), backgroundColor: '#a90061' }] },
      options: { indexAxis: 'y' } });

    const family = (prefix, bands) => {
      const names = bands || Object.keys(f).filter(k => k.startsWith(prefix)).map(k => k.slice(prefix.length));
      return { labels: names, data: names.map(n => f[prefix + n]) };
    };
    const waiting = family('potentialOutflowersWaiting.', ['under3Months', '3to6Months', '6to12Months', '12MonthsOrMore']);
    draw('chart-waiting', { type: 'bar', data: { labels: ['< 3 months', '3–6 months', '6–12 months', '≥ 12 months'],
      datasets: [{ label: 'potential outflowers', data: waiting.data, backgroundColor: '#154273' }] } });
    const ended = family('trajectoriesEndedWithoutOutflow.');
    draw('chart-ended', { type: 'bar', data: { labels: ended.labels, datasets: [
      { label: 'trajectories ended without outflow', data: ended.data, backgroundColor: '#ffb612' }] },
      options: { indexAxis: 'y' } });
    const returns = family('returnsToCareByTimeHoused.', ['under6Months', '6to12Months', '12to24Months', '24MonthsOrMore']);
    draw('chart-returns', { type: 'bar', data: { labels: ['< 6 months', '6–12 months', '12–24 months', '≥ 24 months'],
      datasets: [{ label: 'returns to care', data: returns.data, backgroundColor: '#a90061' }] } });

    draw('chart-sustainment', { type: 'bar', data: { labels: ['12 months', '24 months'], datasets: [
      { label: 'share still housed', data: [f.sustainedAfter12Months, f.sustainedAfter24Months],
        backgroundColor: '#39870c' }] }, options: { scales: { y: { min: 0, max: 1 } } } });
  }
})();
