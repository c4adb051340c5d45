// Keeps the progress of running exports current without reloading the page on a timer (WCAG 2.2.1): each running
// job is polled, its bar and text are updated in place, and the page is reloaded once when one finishes, so its
// download link appears. Without script the "Refresh" link does the same by hand.
const waiting = () => [...document.querySelectorAll('li[data-export-waiting]')];

async function poll() {
  for (const item of waiting()) {
    const response = await fetch(`/api/v1/exports/${item.dataset.exportId}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      continue;
    }

    const job = await response.json();
    if (job.status !== 'Queued' && job.status !== 'Running') {
      location.reload();
      return;
    }

    const bar = item.querySelector('progress');
    const text = item.querySelector('[data-export-progress]');
    if (bar) {
      bar.max = Math.max(job.rowsTotal, 1);
      bar.value = job.rowsDone;
    }
    if (text && item.dataset.progressTemplate) {
      text.textContent = item.dataset.progressTemplate.replace('{0}', job.rowsDone).replace('{1}', job.rowsTotal);
    }
  }

  if (waiting().length > 0) {
    setTimeout(poll, 3000);
  }
}

if (waiting().length > 0) {
  setTimeout(poll, 3000);
}
