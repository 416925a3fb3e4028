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
    const asOf = el('asOf').value ? '&asOf=' + encodeURIComponent(new Date(el('asOf').value).toISOString()) : '';
    // Every page of the history, so that what is shown (and printed) is the whole timeline as of that moment.
    let history = null;
    for (let after = 0; after !== null;) {
      const response = await fetch('/api/v1/clients/' + encodeURIComponent(el('clientId').value) + '/history?after='
        + after + asOf,
        // An inspectorate names the processing activity of every read; this page is the audit of decisions.
        { headers: { Authorization: WeerThuisLogin.authorization(), 'X-Processing-Activity': 'audit-decision-history' } });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.className = 'error';
        status.textContent = (problem.title || response.status) + ': ' + (problem.detail || '');
        el('result').hidden = true;
        return;
      }
      const page = await response.json();
      if (history) { history.entries = history.entries.concat(page.entries); } else { history = page; }
      after = page.page && page.page.nextAfter != null ? page.page.nextAfter : null;
    }
    render(history);
    status.textContent = '';
  });

  const element = (tag, className, value) => {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (value != null) { node.appendChild(text(value)); }
    return node;
  };

  // The state of each aggregate as readable facts, then every decision in plain words with who, why and which rule.
  function render(history) {
    el('subject').textContent = history.clientId;
    el('asOfShown').textContent = history.asOf;
    const states = el('states');
    states.replaceChildren();
    history.stateAsOf.forEach(state => {
      const box = element('section', 'state');
      box.appendChild(element('h4', null, state.title));
      const facts = element('dl');
      state.facts.forEach(fact => facts.append(element('dt', null, fact.label), element('dd', null, fact.value)));
      box.appendChild(facts);
      states.appendChild(box);
    });
    const body = el('timeline').tBodies[0];
    body.replaceChildren();
    history.entries.forEach((entry, index) => {
      const row = body.insertRow();
      row.className = 'entry';
      cell(row, index + 1);
      const when = cell(row, entry.businessDate || '—');
      when.appendChild(element('div', 'recorded', 'recorded ' + entry.recordedAt));
      const what = cell(row, entry.description);
      what.className = 'description';
      cell(row, entry.actor.description).className = 'actor';
      const grounds = cell(row, entry.grounds || '—');
      grounds.className = entry.grounds ? 'grounds' : 'grounds none';
      const agreement = entry.agreement;
      const rules = cell(row, agreement.name + ', version ' + agreement.version
        + (agreement.effectiveFrom ? ' (from ' + agreement.effectiveFrom + ')' : '')
        + (agreement.recordedWithDecision ? ', recorded with the decision' : ', in force on that date'));
      rules.className = 'agreement';
      if (entry.rule) {
        rules.appendChild(element('div', 'rule', entry.rule.label + ': ' + entry.rule.value));
      }
    });
    el('result').hidden = false;
  }

  // For a browser test and for printing a history fetched elsewhere: render a history answer as this page does.
  window.weerThuisTimeline = { render };
})();
