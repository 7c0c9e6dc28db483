'use strict';
// The role page: reads the role from the path and the window from ?window=, calls the JSON API and draws every panel
// as a chart and as a table of the same numbers. All text from the data is set with textContent (never innerHTML),
// so titles and names are shown escaped; links are only http(s).
(function () {
  const charts = {};
  const state = {
    role: roleFromPath(),
    window: new URLSearchParams(location.search).get('window') || '30d'
  };
  const palette = ['#2f6fdb', '#e8793b', '#2ca58d', '#c8468c', '#8a63d2', '#d9a400', '#4f9fd9', '#7a8599'];

  function roleFromPath() {
    const m = location.pathname.match(/^\/roles\/([^/]+)/);
    return m ? decodeURIComponent(m[1]) : 'backend';
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function fillTable(panel, rows) {
    const body = document.querySelector('table[data-panel="' + panel + '"] tbody');
    body.replaceChildren(...rows.map(cells => {
      const tr = el('tr');
      for (const cell of cells) {
        if (cell instanceof Node) {
          const td = el('td');
          td.appendChild(cell);
          tr.appendChild(td);
        } else {
          tr.appendChild(el('td', cell, typeof cell === 'number' ? 'num' : undefined));
        }
      }
      return tr;
    }));
  }

  const pct = x => (x * 100).toFixed(1) + '%';
  const usd = x => '$' + Math.round(x).toLocaleString('en-US');
  const label = s => s.replace(/_/g, ' ');

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function bar(id, labels, values, horizontal, title) {
    draw(id, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: title, data: values, backgroundColor: palette[0] }] },
      options: { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false } } }
    });
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let message = response.status + '';
      try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  function safeLink(text, url) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      const a = el('a', text);
      a.href = url;
      a.rel = 'noopener noreferrer nofollow';
      a.target = '_blank';
      return a;
    }
    return el('span', text);
  }

  function render(s) {
    document.getElementById('role-title').textContent = label(s.role);
    document.title = 'jobpulse · ' + label(s.role) + ' jobs';
    document.getElementById('kpi-postings').textContent = String(s.postings);
    document.getElementById('kpi-remote').textContent = pct(s.locations.remoteShare);
    document.getElementById('kpi-window').textContent = s.from + ' – ' + s.to;

    bar('chart-technologies', s.technologies.map(t => t.name), s.technologies.map(t => t.count), true, 'Postings');
    fillTable('technologies', s.technologies.map(t => [t.name, t.count, pct(t.share)]));

    draw('chart-seniority', {
      type: 'doughnut',
      data: { labels: s.seniority.map(x => x.name), datasets: [{ data: s.seniority.map(x => x.count), backgroundColor: palette }] },
      options: { plugins: { legend: { position: 'right' } } }
    });
    fillTable('seniority', s.seniority.map(x => [x.name, x.count, pct(x.share)]));

    bar('chart-countries', s.locations.countries.map(c => c.name), s.locations.countries.map(c => c.count), false, 'Postings');
    fillTable('countries', s.locations.countries.map(c => [c.name, c.count, pct(c.share)]));
    fillTable('cities', s.locations.cities.map(c => [c.city, c.country, c.count]));

    draw('chart-salary', {
      type: 'bar',
      data: {
        labels: s.salaryBySeniority.map(x => x.seniority),
        datasets: [
          // Datasets with a lower order are drawn last, so the median points sit on top of the range bars.
          { type: 'bar', label: 'Range (min – max)', order: 2, data: s.salaryBySeniority.map(x => [x.minUsd, x.maxUsd]), backgroundColor: '#c9d8f5', grouped: false },
          { type: 'bar', label: 'Middle half', order: 1, data: s.salaryBySeniority.map(x => [x.p25Usd, x.p75Usd]), backgroundColor: '#7fa4e8', grouped: false },
          { type: 'line', label: 'Median', order: 0, data: s.salaryBySeniority.map(x => x.medianUsd), borderColor: palette[1],
            backgroundColor: palette[1], showLine: false, pointRadius: 6, pointStyle: 'rectRot' }
        ]
      }
    });
    fillTable('salary', s.salaryBySeniority.map(x => [x.seniority, x.postings, usd(x.medianUsd),
      usd(x.p25Usd) + ' – ' + usd(x.p75Usd), usd(x.minUsd) + ' – ' + usd(x.maxUsd)]));

    fillTable('related-roles', s.relatedRoles.map(r => {
      const a = el('a', label(r.role));
      a.href = '/roles/' + encodeURIComponent(r.role) + '?window=' + encodeURIComponent(state.window);
      a.addEventListener('click', ev => { ev.preventDefault(); navigate(r.role, state.window); });
      return [a, r.count];
    }));
    fillTable('related-technologies', s.relatedTechnologies.map(p => [p.first + ' + ' + p.second, p.count]));

    fillTable('latest', s.latestPostings.map(p => [safeLink(p.title, p.url), p.company || '', p.location, p.date]));
  }

  function renderTrend(t) {
    const head = document.querySelector('table[data-panel="trend"] thead');
    const tr = el('tr');
    tr.appendChild(el('th', 'Week'));
    tr.appendChild(el('th', 'Postings'));
    (t ? t.series : []).forEach(x => tr.appendChild(el('th', x.technology)));
    head.replaceChildren(tr);
    if (!t) {
      fillTable('trend', []);
      draw('chart-trend', { type: 'line', data: { labels: [], datasets: [] } });
      return;
    }
    fillTable('trend', t.weeks.map((w, i) => [w, t.postings[i], ...t.series.map(x => x.counts[i])]));
    draw('chart-trend', {
      type: 'line',
      data: {
        labels: t.weeks,
        datasets: t.series.map((x, i) => ({ label: x.technology, data: x.shares.map(v => v * 100),
          borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], tension: 0.2 }))
      },
      options: { scales: { y: { title: { display: true, text: '% of postings' }, beginAtZero: true } } }
    });
  }

  async function load() {
    const status = document.getElementById('status');
    status.textContent = 'Loading…';
    document.body.removeAttribute('data-loaded');
    try {
      const role = encodeURIComponent(state.role);
      const win = encodeURIComponent(state.window);
      const summary = await getJson('/api/roles/' + role + '/summary?window=' + win);
      render(summary);
      const top = summary.technologies.slice(0, 5).map(t => 'technology=' + encodeURIComponent(t.name));
      renderTrend(top.length ? await getJson('/api/trends/technologies?role=' + role + '&window=' + win + '&' + top.join('&')) : null);
      status.textContent = 'Updated ' + new Date().toLocaleTimeString();
      document.body.setAttribute('data-loaded', state.role + '|' + state.window);
    } catch (e) {
      status.textContent = 'Could not load: ' + e.message;
      document.body.setAttribute('data-loaded', 'error');
    }
  }

  function navigate(role, win) {
    state.role = role;
    state.window = win;
    history.pushState(null, '', '/roles/' + encodeURIComponent(role) + '?window=' + encodeURIComponent(win));
    syncPickers();
    load();
  }

  function syncPickers() {
    document.getElementById('role-picker').value = state.role;
    document.getElementById('window-picker').value = state.window;
  }

  async function init() {
    const picker = document.getElementById('role-picker');
    const roles = await getJson('/api/roles');
    picker.replaceChildren(...roles.roles.map(r => { const o = el('option', label(r)); o.value = r; return o; }));
    syncPickers();
    picker.addEventListener('change', () => navigate(picker.value, state.window));
    document.getElementById('window-picker').addEventListener('change', ev => navigate(state.role, ev.target.value));
    window.addEventListener('popstate', () => { state.role = roleFromPath(); state.window = new URLSearchParams(location.search).get('window') || '30d'; syncPickers(); load(); });
    await load();
  }

  init();
})();
