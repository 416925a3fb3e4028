// The outflow dashboard: reads /api/v1/monitor/outflow with the user's token and draws it with Chart.js.
(function () {
  const el = id => document.getElementById(id);
  const charts = {};
  // Counts and days are measured from zero; a bar floating above a non-zero base would misstate them.
  Chart.defaults.scales.linear.beginAtZero = true;
  const today = new Date();
  el('to').value = today.toISOString().slice(0, 10);
  el('from').value = today.getFullYear() + '-01-01';
  el('token').value = sessionStorage.getItem('weerthuis-token') || '';

  const shown = (figures, suppressed, name) => suppressed.includes(name) ? '<5'
    : figures[name] == null ? '–' : figures[name];

  async function fetchFigures(query) {
    const response = await fetch('/api/v1/monitor/outflow?' + new URLSearchParams(query),
      { headers: { Authorization: 'Bearer ' + el('token').value.trim(), Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error((problem.title || response.status) + ': ' + (problem.detail || ''));
    }
    return response.json();
  }

  function draw(id, config) {
    if (charts[id]) { charts[id].destroy(); }
    charts[id] = new Chart(el(id), config);
  }

  el('filters').addEventListener('submit', async event => {
    event.preventDefault();
    sessionStorage.setItem('weerthuis-token', el('token').value.trim());
    const query = { from: el('from').value, to: el('to').value };
    if (el('region').value.trim()) { query.region = el('region').value.trim(); }
    el('status').textContent = 'Loading…';
    try {
      const [total, monthly] = await Promise.all([fetchFigures(query), fetchFigures({ ...query, groupBy: 'month' })]);
      el('dashboard').hidden = false; // charts measure their canvas: show it before drawing
      render(total.groups[0], monthly.groups);
      el('status').textContent = 'Figures ' + query.from + ' – ' + query.to + (query.region ? ' · ' + query.region : '');
    } catch (error) {
      el('status').textContent = error.message;
    }
  });

  function render(total, months) {
    const f = total.figures, s = total.suppressed;
    document.querySelectorAll('[id^="figure-"]').forEach(tile => {
      const name = tile.id.slice('figure-'.length);
      const value = shown(f, s, name);
      tile.textContent = name.startsWith('share') && typeof value === 'number' ? Math.round(value * 100) + '%' : value;
    });

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
    draw('chart-quota', { type: 'bar', data: { labels: corporations, datasets: [
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

    draw('chart-sustainment', { type: 'bar', data: { labels: ['12 months', '24 months'], datasets: [
      { label: 'share still housed', data: [f.sustainedAfter12Months, f.sustainedAfter24Months],
        backgroundColor: '#39870c' }] }, options: { scales: { y: { min: 0, max: 1 } } } });
  }
})();
