// Every chart's figures also as a table under it, in a <details> (WCAG 2.1 1.1.1: a text alternative that holds
// the same data), kept in step with the chart by a Chart.js plugin; the canvas itself is an image named by its caption.
(function () {
  const valueOf = point => point == null ? '–' : typeof point === 'object' ? (point.y ?? '–') : point;

  Chart.register({
    id: 'weerthuisChartTable',
    afterUpdate(chart) {
      const canvas = chart.canvas;
      const figure = canvas.closest('figure');
      if (!figure) { return; }
      const caption = (figure.querySelector('figcaption') || {}).textContent || canvas.id;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', caption + ' (the figures are in the table below the chart)');
      let details = figure.querySelector('details.chart-table');
      if (!details) {
        details = document.createElement('details');
        details.className = 'chart-table';
        const summary = document.createElement('summary');
        summary.textContent = 'Table: ' + caption;
        details.appendChild(summary);
        figure.appendChild(details);
      }
      const table = document.createElement('table');
      table.id = canvas.id + '-table';
      table.createCaption().textContent = caption;
      const head = table.createTHead().insertRow();
      const corner = document.createElement('th');
      corner.scope = 'col';
      head.appendChild(corner);
      chart.data.datasets.forEach(dataset => {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = dataset.label || '';
        head.appendChild(th);
      });
      const body = table.createTBody();
      (chart.data.labels || []).forEach((label, index) => {
        const row = body.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = Array.isArray(label) ? label.join(' ') : String(label);
        row.appendChild(th);
        chart.data.datasets.forEach(dataset => { row.insertCell().textContent = String(valueOf(dataset.data[index])); });
      });
      details.replaceChildren(details.querySelector('summary'), table);
    }
  });
})();
