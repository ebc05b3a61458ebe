() => {
  // What a projector check needs from the page: body text sizes, each Vega view's
  // scenegraph (axis label sizes, line widths, overlapping tick labels) and every
  // element whose content is wider than its box.
  const out = {text: [], vega: [], overflow: []};
  const shown = el => { const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const label = el => (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  const where = el => el.closest('[data-testid="stSidebar"]') ? 'sidebar' : 'main';
  const TEXT = ['[data-testid="stMarkdownContainer"] p', '[data-testid="stMarkdownContainer"] li',
                '[data-testid="stCaptionContainer"]', '[data-testid="stWidgetLabel"] p'];
  for (const el of document.querySelectorAll(TEXT.join(','))) {
    if (!shown(el) || !label(el) || el.closest('[data-testid="stTooltipContent"]')) continue;
    out.text.push({size: parseFloat(getComputedStyle(el).fontSize), text: label(el), where: where(el)});
  }
  const viewOf = e => {
    const fk = Object.keys(e).find(k => k.startsWith('__reactFiber'));
    const seen = new Set();
    const scan = (o, d) => {
      if (!o || typeof o !== 'object' || d > 4 || seen.has(o)) return null;
      seen.add(o);
      if (typeof o.scenegraph === 'function' && typeof o.runAsync === 'function') return o;
      for (const k of Object.keys(o)) { let v = null; try { v = scan(o[k], d + 1); } catch (err) {} if (v) return v; }
      return null;
    };
    for (let f = e[fk], i = 0; f && i < 12; f = f.return, i++) {
      for (let h = f.memoizedState, j = 0; h && j < 60; h = h.next, j++) {
        const v = scan(h.memoizedState, 0); if (v) return v;
      }
    }
    return null;
  };
  const overlaps = (a, b) => a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1;
  document.querySelectorAll('.vega-embed').forEach((e, n) => {
    const v = viewOf(e);
    const chart = {n, found: !!v, labels: [], titles: [], lines: [], marktext: [], crowded: []};
    out.vega.push(chart);
    if (!v) return;
    const walk = mark => {
      const role = mark.role || '', kind = mark.marktype;
      const items = (mark.items || []).filter(it => it.opacity !== 0 && it.strokeOpacity !== 0);
      if (kind === 'text') {
        const seen = items.filter(it => it.text !== undefined && String(it.text).trim() !== '');
        const sizes = seen.map(it => it.fontSize);
        if (role === 'axis-label' || role === 'legend-label') chart.labels.push(...sizes);
        else if (role.endsWith('title') || role === 'title-text') chart.titles.push(...sizes);
        else if (role === 'mark') chart.marktext.push(...sizes);
        if (role === 'axis-label') {
          for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++)
            if (overlaps(seen[i].bounds, seen[j].bounds))
              chart.crowded.push(`${seen[i].text} / ${seen[j].text}`);
        }
      }
      if ((kind === 'line' || kind === 'rule') && role === 'mark')
        chart.lines.push(...items.map(it => ({w: it.strokeWidth ?? 1, name: mark.name || ''})));
      for (const it of mark.items || []) for (const m of it.items || []) if (m.marktype) walk(m);
    };
    walk(v.scenegraph().root);
  });
  const BOXES = ['[data-testid="stMain"] *', '[data-testid="stSidebar"] *'];
  const seenBox = new Set();
  for (const el of document.querySelectorAll(BOXES.join(','))) {
    if (seenBox.has(el) || !shown(el)) continue;
    seenBox.add(el);
    const s = getComputedStyle(el);
    if (el.closest('.vega-embed svg, .katex-display, [data-testid="stDataFrameResizable"] canvas, [data-testid="stSidebarNav"]')) continue;
    const clips = s.overflowX !== 'visible' || s.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      out.overflow.push({tag: el.tagName, id: el.getAttribute('data-testid') || el.className.toString().slice(0, 40),
                         scroll: el.scrollWidth, client: el.clientWidth, text: label(el), where: where(el)});
  }
  // A chart wider than the column it sits in, or than the window.
  document.querySelectorAll('.vega-embed').forEach((e, n) => {
    const box = e.getBoundingClientRect(), svg = e.querySelector('svg, canvas');
    const col = e.closest('[data-testid="stColumn"], [data-testid="stMainBlockContainer"]');
    if (!svg || !col) return;
    const r = svg.getBoundingClientRect(), c = col.getBoundingClientRect();
    if (r.right > c.right + 4 || r.right > innerWidth + 4)
      out.overflow.push({tag: 'CHART', id: `chart ${n}`, scroll: Math.round(r.width),
                         client: Math.round(c.right - r.left), text: '', where: 'main'});
  });
  return out;
}
