// The built-in dashboard: the scorecard as a grid of verdicts and a chart per indicator, using only
// the public API (/api/v1). Verdicts are written out in words and symbols, not only in colour.
(function () {
  'use strict';
  const API = '/api/v1';
  const VERDICTS = {
    met: ['✓', 'voldaan'], breached: ['✗', 'overschreden'], on_track: ['↗', 'op koers'],
    off_track: ['↘', 'niet op koers'], indeterminate: ['?', 'onbepaald'], no_data: ['–', 'geen gegevens']
  };
  const UNIT = { percent: '%', fte: ' fte', count: '', euro: ' euro', year: ' jaar', month: ' maanden' };
  const GAP_UNIT = { percentage_point: ' procentpunt', fte: ' fte', count: '', euro: ' euro', year: ' jaar', month: ' maanden' };
  // units in words on an axis: "aantal", not the code "count"
  const UNIT_LABEL = { percent: '%', fte: 'fte', count: 'aantal', euro: 'euro', year: 'jaar', month: 'maanden' };
  const QUALIFIER = { exact: 'precies', approximate: 'bij benadering', lower_bound: 'ondergrens', upper_bound: 'bovengrens',
    range: 'bandbreedte', qualitative: 'alleen in woorden' };
  // what needs attention first: a norm not met, then off track, then what cannot be told
  const ATTENTION = ['breached', 'off_track', 'indeterminate', 'no_data', 'on_track', 'met'];
  const STATUS = { final: 'definitief', provisional: 'voorlopig (tussenstand)', estimate: 'schatting', forecast: 'verwachting', target: 'streefwaarde' };

  // after the data changed, the browser asks again rather than use what it kept (its ETag makes that cheap)
  let revalidate = false;

  async function get(path) {
    const response = await fetch(API + path, { headers: { Accept: 'application/json' }, cache: revalidate ? 'no-cache' : 'default' });
    if (!response.ok) {
      throw new Error(path + ': ' + response.status);
    }
    return response.json();
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key.startsWith('data-')) node.setAttribute(key, value); else node[key] = value;
    });
    children.flat().filter(c => c !== null && c !== undefined).forEach(c => node.append(c));
    return node;
  }

  // a date as a Dutch reader writes it: 31 december 2025
  function day(iso) {
    return new Date(iso + 'T00:00:00').toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function number(value) {
    return value === undefined || value === null ? '–' : Number(value).toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  }

  // The symbol for the verdict, the words from the API: they fit the norm's direction (a ceiling is exceeded,
  // a floor not reached) and say when the threshold is a members' figure or our reading of the source.
  function verdictWords(check) {
    return [VERDICTS[check.verdict][0], check.verdictText.nl];
  }

  // An attribute value or Markdown text as written in a snippet.
  function attribute(text) {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function markdownText(text) {
    return text.replace(/([\\\[\]*_`<>])/g, '\\$1');
  }

  // "Insluiten": the image by its URL, as HTML and as Markdown, with its text alternative as alt: the
  // sentence, or for a chart the text alternative the chart carries (read from the SVG when opened).
  function embed(path, alt, what) {
    const url = location.origin + API + path;
    const html = el('textarea', { readOnly: true, rows: 3, className: 'snippet', 'data-snippet': 'html' });
    const markdown = el('textarea', { readOnly: true, rows: 3, className: 'snippet', 'data-snippet': 'markdown' });
    const fill = text => {
      html.textContent = '<img src="' + attribute(url) + '" alt="' + attribute(text) + '">';
      markdown.textContent = '![' + markdownText(text) + '](' + url + ')';
    };
    const details = el('details', { className: 'embed', 'data-embed': path },
      el('summary', {}, 'Insluiten'),
      el('p', {}, what + ' als beeld (SVG; ', el('a', { href: url + '?format=png' }, 'PNG'), '), met de zin als alt-tekst:'),
      el('label', {}, 'HTML', html), el('label', {}, 'Markdown', markdown));
    if (alt) {
      fill(alt);
    } else {
      details.addEventListener('toggle', async () => {
        if (!details.open || html.textContent) return;
        const svg = await (await fetch(url, { headers: { Accept: 'image/svg+xml' } })).text();
        fill(new DOMParser().parseFromString(svg, 'image/svg+xml').querySelector('title').textContent);
      });
    }
    return details;
  }

  function scorecardCard(item, labels) {
    const check = item.latest;
    const obs = check.observation;
    const [symbol, words] = verdictWords(check);
    const gap = check.gap && check.gap.value !== undefined
      ? 'verschil ' + (check.gap.value > 0 ? '+' : '') + number(check.gap.value) + GAP_UNIT[check.gap.unit]
      : check.gap ? 'verschil ' + number(check.gap.low) + ' tot ' + number(check.gap.high) + GAP_UNIT[check.gap.unit] : null;
    const bound = item.norm.operator === 'at_most' ? 'ten hoogste ' : 'ten minste ';
    const threshold = item.norm.threshold !== undefined ? bound + number(item.norm.threshold) + UNIT[item.norm.unit]
      : item.norm.interpretedThreshold !== undefined
        ? 'geen getal in de bron (“' + item.norm.wording + '”), gelezen als ' + bound + number(item.norm.interpretedThreshold) + UNIT[item.norm.unit]
        : 'tegenover ' + (labels[item.norm.referenceIndicatorId] || item.norm.referenceIndicatorId);
    return el('article', { className: 'card ' + check.verdict, 'data-norm': item.norm.id, 'data-verdict': check.verdict, role: 'listitem' },
      el('h3', {}, item.norm.label.nl),
      item.norm.kind === 'comparison' ? el('p', { className: 'kind' }, 'Vergelijking, geen norm die het kabinet zichzelf stelt') : null,
      el('p', {}, el('span', { className: 'verdict ' + check.verdict }, symbol + ' ' + words)),
      el('p', { className: 'value' }, obs ? (obs.valueText || number(obs.value) + UNIT[obs.unit]) : '–'),
      el('p', { className: 'meta' }, [item.indicator.label.nl, obs ? obs.period.code + ', ' + STATUS[obs.status] : null, 'norm: ' + threshold, gap,
        item.norm.deadline ? 'uiterlijk ' + day(item.norm.deadline) : null].filter(Boolean).join(' · ')),
      check.caveats.length ? el('ul', { className: 'caveats' }, check.caveats.map(c => el('li', {}, c.nl))) : null,
      item.interim ? el('p', { className: 'interim', 'data-interim': item.interim.observation.period.code },
        'Tussentijdse indicatie ' + item.interim.observation.period.code + ': '
        + (item.interim.observation.valueText || number(item.interim.observation.value) + UNIT[item.interim.observation.unit])
        + ' (' + STATUS[item.interim.observation.status] + ', ' + verdictWords(item.interim)[1]
        + (item.interim.gap && item.interim.gap.value !== undefined ? ', verschil ' + (item.interim.gap.value > 0 ? '+' : '') + number(item.interim.gap.value) + GAP_UNIT[item.interim.gap.unit] : '')
        + ')') : null,
      obs ? el('p', { className: 'source', title: obs.citation.quote }, 'Bron: “' + obs.citation.quote + '”'
        + (statedBy(obs.citation) ? ' (' + statedBy(obs.citation) + ')' : '') + '; ' + publicSince(obs)) : null,
      obs && response(obs.citation) ? el('p', { className: 'source' }, response(obs.citation)) : null,
      embed('/norms/' + encodeURIComponent(item.norm.id) + '/badge', check.sentence.nl, 'Het oordeel'));
  }

  // Who states the figure in the cited sentence: a members' number is never the government's.
  function statedBy(citation) {
    switch (citation.statedBy) {
      case 'minister': return 'genoemd door de minister';
      case 'members': return 'genoemd door Kamerleden (' + citation.statedByName + '), niet door het kabinet';
      case 'third_party': return 'genoemd door ' + citation.statedByName + ', aangehaald in de bron';
      default: return null;
    }
  }

  // When the figure became public: its source's date, or for an undated source the earliest it can have been.
  function publicSince(o) {
    const published = day(o.publishedOn);
    switch (o.publicationBasis) {
      case 'earliest_possible': return 'openbaar op zijn vroegst sinds ' + published + ' (de bron heeft geen datum)';
      case 'recorded': return 'hier vastgelegd op ' + published + ' (de bron heeft geen datum)';
      default: return 'openbaar sinds ' + published;
    }
  }

  const STANCE = { confirms: 'bevestigt', qualifies: 'nuanceert', rejects: 'weerspreekt' };

  // What the minister's answer does with a figure from a question.
  function response(citation) {
    return citation.response ? 'Het antwoord ' + STANCE[citation.response.stance] + ' dit: “' + citation.response.quote + '”' : null;
  }

  const STATES = { overdue: ['⚠', 'termijn verstreken'], due_soon: ['⌛', 'binnenkort'], open: ['○', 'open'], delivered: ['✓', 'geleverd'] };
  const KINDS = { promise: 'toezegging', aim: 'streven', expectation: 'verwachting', announcement: 'aankondiging', consideration: 'overweging' };

  // One row per commitment not yet delivered, the earliest term first (the scorecard's order).
  function commitmentRow(commitment, themes) {
    const [symbol, words] = STATES[commitment.state];
    return el('tr', { 'data-commitment': commitment.id, 'data-state': commitment.state },
      el('td', {}, el('span', { className: 'state ' + commitment.state }, symbol + ' ' + words)),
      el('td', {}, el('span', {}, commitment.label.nl), el('br'), el('small', {}, KINDS[commitment.kind] + ' · ' + commitment.stateNote.nl)),
      el('td', {}, commitment.dueWording || 'geen termijn'),
      el('td', {}, themes[commitment.themeId] || commitment.themeId));
  }

  function symbolOf(o) {
    switch (o.qualifier) {
      case 'approximate': return 'diamond';
      case 'lower_bound': return 'triangle';
      case 'upper_bound': return 'triangle';
      default: return 'circle';
    }
  }

  function tooltip(o, unit, dimensionLabels) {
    const value = o.valueText || (o.value !== undefined ? number(o.value) + UNIT[unit] : number(o.valueLow) + '–' + number(o.valueHigh) + UNIT[unit]);
    return '<b>' + o.period.code + (o.basePeriod ? ' t.o.v. ' + o.basePeriod.code : '') + '</b>'
      + (Object.keys(o.dimensions).length ? ' (' + dimensionLabels(o) + ')' : '')
      + '<br>' + value + ' · ' + QUALIFIER[o.qualifier] + ' · ' + STATUS[o.status]
      + '<br><i style="white-space:normal;display:inline-block;max-width:320px">“' + o.citation.quote + '”</i>'
      + '<br>Bron: ' + o.citation.sourceId + (o.citation.section ? ', ' + o.citation.section : '') + '; ' + publicSince(o)
      + (statedBy(o.citation) ? '<br>' + statedBy(o.citation) : '')
      + (response(o.citation) ? '<br><i style="white-space:normal;display:inline-block;max-width:320px">' + response(o.citation) + '</i>' : '');
  }

  function chartCard(indicator, all, evaluations) {
    // a figure "per jaar" without a year (period P1Y) has no place on a time axis: it is a note under the chart
    const undated = all.filter(o => !o.period.start);
    const observations = all.filter(o => o.period.start);
    const numeric = observations.filter(o => o.qualifier !== 'qualitative');
    const qualitative = observations.filter(o => o.qualifier === 'qualitative');
    const periods = [...new Map(observations
      .slice().sort((a, b) => a.period.end.localeCompare(b.period.end) || a.period.start.localeCompare(b.period.start))
      .map(o => [o.period.code, o.period])).keys()];
    // a series is named by its codes' labels, not the codes
    const codeLabel = (dimension, code) => {
      const d = (indicator.dimensions || []).find(x => x.id === dimension);
      const c = d && d.codes.find(x => x.code === code);
      return c ? c.label.nl : code;
    };
    const keyOf = o => Object.entries(o.dimensions).map(([d, c]) => codeLabel(d, c)).join(', ') || indicator.label.nl;
    const seriesKeys = [...new Set(numeric.map(keyOf))];
    const series = [];
    const palette = ['#154273', '#e17000', '#39870c', '#a90061', '#007bc7', '#673327', '#8fcae7', '#ffb612'];
    const bounds = [];
    let segmentCount = 0;
    seriesKeys.forEach((key, index) => {
      const colour = palette[index % palette.length];
      const own = numeric.filter(o => keyOf(o) === key);
      const points = own.filter(o => o.value !== undefined).map(o => ({
        value: [o.period.code, Number(o.value)], observation: o, symbol: symbolOf(o), symbolSize: 12,
        symbolRotate: o.qualifier === 'upper_bound' ? 180 : 0,
        itemStyle: o.status === 'final' ? { color: colour } : { color: '#fff', borderColor: colour, borderWidth: 2 },
        label: o.status === 'provisional' ? { show: true, formatter: 'tussenstand', position: 'top', fontSize: 10 } : undefined
      }));
      own.forEach(o => [o.value, o.valueLow, o.valueHigh].filter(v => v !== undefined).forEach(v => bounds.push(Number(v))));
      // a break in the series, or another kind of period (a year, then a half year), starts a new
      // line: the points are not joined across it (the segments share the series' name and colour)
      const segments = [];
      points.forEach((point, i) => {
        const o = point.observation;
        const previous = i > 0 ? points[i - 1].observation : null;
        if (!previous || o.seriesBreak || o.period.frequency !== previous.period.frequency) {
          segments.push([]);
        }
        segments[segments.length - 1].push(point);
      });
      segments.forEach(segment => series.push({ name: key, type: 'line', data: segment, connectNulls: false, symbolKeepAspect: true, color: colour }));
      segmentCount += segments.length;
      const ranges = own.filter(o => o.qualifier === 'range');
      if (ranges.length) {
        series.push({
          // the range belongs to its series: one legend entry, one colour
          name: key, color: colour, type: 'custom', data: ranges.map(o => ({ value: [o.period.code, Number(o.valueLow), Number(o.valueHigh)], observation: o })),
          renderItem: (params, api) => {
            const low = api.coord([api.value(0), api.value(1)]);
            const high = api.coord([api.value(0), api.value(2)]);
            const half = 8;
            const style = { stroke: api.visual('color'), lineWidth: 3 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style },
              { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style }] };
          },
          encode: { x: 0, y: [1, 2] }
        });
      }
    });
    let normLines = 0;
    evaluations.forEach(evaluation => {
      const norm = evaluation.norm;
      if (norm.threshold !== undefined && series.length) {
        bounds.push(Number(norm.threshold));
        const label = norm.label.nl + ': ' + (norm.operator === 'at_most' ? '≤ ' : '≥ ') + number(norm.threshold) + UNIT[norm.unit]
          + (norm.deadline ? ' (uiterlijk ' + day(norm.deadline) + ')' : '') + (norm.interpretation ? ' — interpretatie' : '');
        // every norm of the indicator is drawn, each line with its own label
        series[0].markLine = series[0].markLine || { symbol: 'none', lineStyle: { color: '#c62828', width: 2, type: 'dashed' }, data: [] };
        // the label wraps within the chart, however narrow
        series[0].markLine.data.push({ yAxis: Number(norm.threshold), label: { formatter: label, position: 'insideStartTop', overflow: 'break' } });
        series[0].markArea = series[0].markArea || { itemStyle: { color: 'rgba(198, 40, 40, 0.07)' }, data: [] };
        series[0].markArea.data.push([{ yAxis: Number(norm.threshold) }, { yAxis: norm.operator === 'at_most' ? 'max' : 'min' }]);
        normLines++;
      } else if (norm.referenceIndicatorId) {
        const reference = evaluation.checks.filter(c => c.threshold && c.threshold.referencePeriod)
          .map(c => [c.threshold.referencePeriod, Number(c.threshold.value)]);
        reference.forEach(r => bounds.push(r[1]));
        normLines++;
        series.push({ name: norm.label.nl, type: 'line', data: reference, lineStyle: { type: 'dashed', color: '#c62828' },
          itemStyle: { color: '#c62828' }, symbol: 'rect' });
      }
    });
    const container = el('div', { className: 'chart', 'data-indicator': indicator.id });
    const notes = qualitative.map(o => el('p', { className: 'notes' }, o.period.code + (Object.keys(o.dimensions).length ? ' (' + keyOf(o) + ')' : '')
      + ': “' + o.valueText + '” (geen getal in de bron)'))
      .concat(undated.map(o => el('p', { className: 'notes', 'data-undated': o.id },
        'Per jaar, jaar niet genoemd: ' + (o.valueText || number(o.value) + UNIT[o.unit]) + ' (' + QUALIFIER[o.qualifier] + ', ' + STATUS[o.status] + ')')));
    // a figure only in words has no chart, only its note: no empty plot
    const card = el('section', { className: 'chart-card', 'data-indicator': indicator.id }, el('h3', {}, indicator.label.nl),
      numeric.length ? container : null, notes, embed('/indicators/' + encodeURIComponent(indicator.id) + '/chart', null, 'De reeks'));
    const low = Math.min(...bounds);
    const high = Math.max(...bounds);
    const pad = Math.max((high - low) * 0.15, Math.abs(high) * 0.05, 0.5);
    return { card, container, numeric, periods, series, keyOf, segments: segmentCount, normLines, yMin: low - pad, yMax: high + pad };
  }

  // a norm's label wraps at the plot's width, which follows the window
  function fitLabels(chart) {
    const width = Math.max(chart.container.clientWidth - 90, 120);
    chart.series.forEach(s => s.markLine && s.markLine.data.forEach(d => { d.label.width = width; }));
    // a legend entry longer than the chart is wide wraps rather than being cut
    chart.legendText = { width, overflow: 'break' };
  }

  function draw(chart) {
    const instance = echarts.init(chart.container, null, { renderer: 'canvas' });
    fitLabels(chart);
    instance.setOption({
      animation: false,
      tooltip: { trigger: 'item', confine: true, formatter: p => p.data && p.data.observation ? tooltip(p.data.observation, chart.unit, chart.keyOf) : p.seriesName },
      // a legend only where there are several series (one is named by the card's title); one that does not fit
      // scrolls; the axis labels are kept inside the chart
      legend: { show: new Set(chart.series.map(s => s.name)).size > 1, type: 'scroll', bottom: 0, left: 0, right: 0, textStyle: chart.legendText },
      grid: { left: 8, right: 16, top: 36, bottom: new Set(chart.series.map(s => s.name)).size > 1 ? 44 : 16, containLabel: true },
      xAxis: { type: 'category', data: chart.periods },
      // numbers as a Dutch reader reads them: 1.313, 11,4
      yAxis: { type: 'value', name: chart.unitLabel, min: Math.floor(chart.yMin), max: Math.ceil(chart.yMax), axisLabel: { formatter: v => number(v) } },
      series: chart.series
    });
    chart.instance = instance;
    chart.container.setAttribute('data-segments', String(chart.segments));
    chart.container.setAttribute('data-norm-lines', String(chart.normLines));
    chart.container.setAttribute('data-rendered', 'true');
    chart.container.setAttribute('data-points', String(chart.numeric.length));
  }

  let charts = [];

  // Draws the whole page from the API; again when the data changes (see live()).
  async function main() {
    const status = document.getElementById('status');
    try {
      charts.forEach(c => c.instance && c.instance.dispose());
      ['scorecard', 'charts'].forEach(id => document.getElementById(id).replaceChildren());
      document.querySelector('#commitments tbody').replaceChildren();
      const [scorecard, indicators, themeList] = await Promise.all([get('/scorecard'), get('/indicators?pageSize=1000'), get('/themes?pageSize=100')]);
      const themes = Object.fromEntries(themeList.items.map(t => [t.id, t.code + '. ' + t.label.nl]));
      document.getElementById('evaluated-on').textContent = '(' + day(scorecard.evaluatedOn) + ')';
      // a reference indicator by its name, not its id
      const labels = Object.fromEntries(indicators.items.map(i => [i.id, i.label.nl.charAt(0).toLowerCase() + i.label.nl.slice(1)]));
      const ordered = scorecard.items.slice().sort((a, b) => ATTENTION.indexOf(a.latest.verdict) - ATTENTION.indexOf(b.latest.verdict));
      document.getElementById('scorecard').append(...ordered.map(item => scorecardCard(item, labels)));
      document.querySelector('#commitments tbody').append(...scorecard.pendingCommitments.map(c => commitmentRow(c, themes)));
      charts = [];
      for (const indicator of indicators.items) {
        const [observations, checks] = await Promise.all([
          get('/indicators/' + encodeURIComponent(indicator.id) + '/observations?pageSize=1000'),
          get('/indicators/' + encodeURIComponent(indicator.id) + '/norm-checks')]);
        if (!observations.items.length) continue;
        const chart = chartCard(indicator, observations.items, checks.items);
        chart.unit = indicator.unit;
        chart.unitLabel = UNIT_LABEL[indicator.unit] || indicator.unit;
        document.getElementById('charts').append(chart.card);
        charts.push(chart);
      }
      charts.filter(c => c.numeric.length).forEach(draw);
      status.textContent = scorecard.items.length + ' normen, ' + scorecard.pendingCommitments.length + ' openstaande toezeggingen ('
        + scorecard.commitments.overdue + ' met verstreken termijn), ' + charts.length + ' reeksen. Bron van elk cijfer: wijs het aan.';
      document.body.setAttribute('data-ready', 'true');
    } catch (error) {
      status.textContent = 'De gegevens konden niet worden geladen: ' + error.message;
      document.body.setAttribute('data-ready', 'error');
    }
  }

  // Live: the page is drawn again when the data version moves (server-sent events from any replica), not by polling.
  // (?live=false: a page that stays as it was drawn, for printing or a screenshot)
  function live() {
    if (!window.EventSource || new URLSearchParams(location.search).get('live') === 'false') return;
    let drawing = Promise.resolve();
    const source = new EventSource(API + '/events/stream');
    source.addEventListener('data-version', message => {
      const version = JSON.parse(message.data).version;
      const shown = Number(document.body.getAttribute('data-version') || '-1');
      document.body.setAttribute('data-live', 'true');
      if (shown < 0) {
        document.body.setAttribute('data-version', String(version));
      } else if (version > shown) {
        document.body.setAttribute('data-version', String(version));
        revalidate = true;
        drawing = drawing.then(main);
      }
    });
    source.addEventListener('event', message => {
      const event = JSON.parse(message.data);
      document.getElementById('status').setAttribute('data-last-event', String(event.id));
    });
  }

  // the charts follow the window (a tablet turned, a window resized)
  window.addEventListener('resize', () => charts.forEach(c => {
    if (c.instance) {
      fitLabels(c);
      c.instance.setOption({ series: c.series, legend: { textStyle: c.legendText } });
      c.instance.resize();
    }
  }));

  document.addEventListener('DOMContentLoaded', () => main().then(live));
}());
