// Renders GET /api/v1/clients/{id}/history for an auditor, logged in by /assets/login.js (the token stays there).
(function () {
  const el = id => document.getElementById(id);
  const text = value => document.createTextNode(value == null ? '' : String(value));
  const cell = (row, value) => { const td = row.insertCell(); td.appendChild(text(value)); return td; };

  el('print').addEventListener('click', () => window.print());
  el('query').addEventListener('submit', async event => {
    event.preventDefault();
    const status = el('status');
    status.className = ''; status.textContent = 'Loading…';
    const asOf = el('asOf').value ? '?asOf=' + encodeURIComponent(new Date(el('asOf').value).toISOString()) : '';
    const response = await fetch('/api/v1/clients/' + encodeURIComponent(el('clientId').value) + '/history' + asOf,
      // An inspectorate names the processing activity of every read; this page is the audit of decisions.
      { headers: { Authorization: WeerThuisLogin.authorization(), 'X-Processing-Activity': 'audit-decision-history' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      status.className = 'error';
      status.textContent = (problem.title || response.status) + ': ' + (problem.detail || '');
      el('result').hidden = true;
      return;
    }
    render(await response.json());
    status.textContent = '';
  });

  function render(history) {
    el('subject').textContent = history.clientId;
    el('asOfShown').textContent = history.asOf;
    const states = el('states');
    states.replaceChildren();
    history.stateAsOf.forEach(state => {
      const box = document.createElement('dl');
      box.className = 'state';
      Object.entries(state).forEach(([key, value]) => {
        const dt = document.createElement('dt'); dt.appendChild(text(key));
        const dd = document.createElement('dd'); dd.appendChild(text(Array.isArray(value) ? value.join(', ') : value));
        box.append(dt, dd);
      });
      states.appendChild(box);
    });
    const body = el('timeline').tBodies[0];
    body.replaceChildren();
    history.entries.forEach((entry, index) => {
      const row = body.insertRow();
      cell(row, index + 1);
      cell(row, entry.businessDate);
      cell(row, entry.recordedAt);
      cell(row, entry.eventType.replace(/Event$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'));
      cell(row, entry.aggregateType);
      cell(row, [entry.actor.organisationType, entry.actor.organisation, entry.actor.person].filter(Boolean).join(' · '));
      cell(row, entry.grounds);
      cell(row, entry.agreement.agreementId + ' v' + entry.agreement.version
        + (entry.agreement.recordedWithDecision ? '' : ' (in force)'));
    });
    el('result').hidden = false;
  }
})();
