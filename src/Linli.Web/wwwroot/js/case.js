// The case page (/cases/{receipt}) works without script; this adds the receipt panel's print and share buttons and
// moves focus to the error summary after a refused form. No inline script: everything comes from the page's markup.

document.getElementById('error-summary')?.focus();

const tools = document.getElementById('receipt-tools');
if (tools) {
  tools.hidden = false;
  document.getElementById('print-receipt')?.addEventListener('click', () => window.print());

  const share = document.getElementById('share-receipt');
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener('click', () => {
      const code = document.getElementById('receipt-code')?.textContent?.trim() ?? '';
      navigator.share({ title: share.dataset.title ?? document.title, text: code, url: window.location.href.split('?')[0] })
        .catch(() => { /* The resident closed the share sheet. */ });
    });
  }
}
