// The page of a running run: polls the run's progress (a small JSON) every second and
// redraws the status, the current step, the steps' counts and each file's progress in
// place. Once the run has ended and let go of the run lock (a restart would be refused
// before), the page is loaded once more for its final files, log and actions.
(function () {
  'use strict';
  const section = document.getElementById('progress');
  if (!section) {
    return;
  }
  const url = section.dataset.url;
  const numbers = new Intl.NumberFormat('en-US');

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function count(value) {
    return value == null ? '—' : numbers.format(value);
  }

  function timeLeft(seconds) {
    if (seconds == null) {
      return '—';
    }
    const minutes = Math.floor(seconds / 60);
    return minutes + ':' + String(seconds % 60).padStart(2, '0');
  }

  function bar(td, percent) {
    const progress = document.createElement('progress');
    progress.max = 100;
    if (percent != null) {
      progress.value = percent;
    }
    td.appendChild(progress);
    const label = document.createElement('span');
    label.textContent = percent == null ? '' : ' ' + percent.toFixed(1) + '%';
    td.appendChild(label);
  }

  // A cell holding a status badge (reading, done, COMPLETED, …), styled by its status.
  function badgeCell(row, status) {
    const badge = document.createElement('span');
    badge.className = 'badge ' + status;
    badge.textContent = status;
    cell(row, '').appendChild(badge);
  }

  function drawFiles(files) {
    document.getElementById('progress-rows').replaceChildren(...files.map(file => {
      const row = document.createElement('tr');
      row.className = file.status;
      row.dataset.rows = file.rows == null ? '' : String(file.rows);
      row.dataset.percent = file.percent == null ? '' : String(file.percent);
      cell(row, file.file, 'mono');
      badgeCell(row, file.status);
      cell(row, count(file.rows), 'num rows');
      bar(cell(row, '', 'bar'), file.percent);
      cell(row, file.status === 'reading' ? count(file.rowsPerSecond) : '', 'num');
      cell(row, file.status === 'reading' ? timeLeft(file.secondsLeft) : '', 'num');
      return row;
    }));
  }

  function drawSteps(steps) {
    document.getElementById('step-rows').replaceChildren(...steps.map(step => {
      const row = document.createElement('tr');
      cell(row, step.name);
      badgeCell(row, step.status);
      cell(row, String(step.read), 'num');
      cell(row, String(step.written), 'num');
      cell(row, String(step.skipped), 'num');
      cell(row, String(step.rejected), 'num');
      return row;
    }));
  }

  function draw(progress) {
    const status = document.getElementById('run-status');
    status.textContent = progress.status;
    status.className = 'badge ' + progress.status;
    document.getElementById('current-step').textContent = progress.step || '—';
    drawSteps(progress.steps || []);
    drawFiles(progress.files || []);
  }

  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const progress = await response.json();
        draw(progress);
        if (!progress.running && !progress.finishing) {
          window.location.reload();
          return;
        }
      }
    } catch (ignored) {
      // a dropped connection: the next poll tries again
    }
    window.setTimeout(poll, 1000);
  }

  poll();
}());
