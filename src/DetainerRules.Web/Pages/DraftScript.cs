namespace DetainerRules.Web.Pages;

/// <summary>The Draft page's one script, served by the app itself (<c>script-src 'self'</c>): it checks the draft as it is typed and, once it loads, compares it.</summary>
/// <remarks>
/// Progressive enhancement only: without it the form's button sends the same draft and the page
/// answers the same (Start from then carries the zone the page was given, not one typed since). After a pause in typing (or a base or time zone changed) it sends the form to <see cref="DraftPage.Path"/>, once,
/// as the button would, and puts the server's rendered findings (<c>#checks</c>), comparison
/// (<c>#comparison</c>) and marked listing (<c>#listing</c>) in place of the old ones, and marks the time zone's field
/// as the answer does (refused, with the server's words beside it, or not): the findings at
/// the line and column the loader reports, checked and compared by <see cref="DraftReview"/> in the
/// one request, and rendered in one place only. Every element it inserts is one the server rendered
/// and encoded, taken from a parsed document as the Evaluate page's script does, never through
/// innerHTML; the editor itself is never replaced, so the focus and the caret stay where they are.
/// </remarks>
public static class DraftScript
{
    public const string Path = "/draft.js";

    public const string Text = """
        // Check and compare as you type: the workbench's Draft page, enhanced. Without this script the form works as it is.
        (() => {
          'use strict';
          const form = document.getElementById('draft');
          const text = document.getElementById('policy-text');
          const base = document.getElementById('base');
          const zone = document.getElementById('timezone');
          if (!form || !text || !base || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;
          const status = document.getElementById('live');
          let timer = 0;
          let asked = 0;

          const say = (words) => { if (status) status.textContent = words; };

          // The zone field as the answer marks it: refused, with the server's words on it beside it (taken from the parsed
          // answer, never built here), or not, its mark and words gone; the value typed and the focus are left alone.
          function markZone(next) {
            if (!zone) return;
            const fresh = next.getElementById('timezone');
            const words = next.getElementById('error-timezone');
            const shown = document.getElementById('error-timezone');
            if (fresh && fresh.getAttribute('aria-invalid') === 'true' && words) {
              const imported = document.importNode(words, true);
              if (shown) shown.replaceWith(imported);
              else (document.getElementById('timezone-suggestions') || zone).after(imported);
              zone.setAttribute('aria-invalid', 'true');
              zone.setAttribute('aria-describedby', 'error-timezone');
            } else {
              if (shown) shown.remove();
              zone.removeAttribute('aria-invalid');
              zone.removeAttribute('aria-describedby');
            }
          }

          // One request a pause: the form as the button sends it; the server checks the text and, when it has no errors, compares it.
          async function update() {
            const ticket = ++asked;
            say('Checking…');
            let html;
            try {
              const response = await fetch(form.getAttribute('action'), {
                method: 'POST',
                headers: { Accept: 'text/html' },
                body: new URLSearchParams({ text: text.value, base: base.value, timezone: zone ? zone.value : '' }),
              });
              html = await response.text();
            } catch {
              say('The workbench did not answer; the Check and compare button sends the form.');
              return;
            }

            // An answer to an older text than the last one sent is dropped.
            if (ticket !== asked) return;
            const next = new DOMParser().parseFromString(html, 'text/html');
            markZone(next);
            const parts = ['checks', 'comparison', 'listing'].map((id) => [document.getElementById(id), next.getElementById(id)]);
            if (parts.some(([now, fresh]) => !now || !fresh)) {
              // A request refused whole says why in a paragraph; a refused time zone is listed as the Evaluate page lists it.
              const problem = next.querySelector('#problems p') || next.querySelector('#problems li');
              say(problem ? problem.textContent : 'The answer could not be read; the Check and compare button sends the form.');
              return;
            }

            for (const [now, fresh] of parts) now.replaceWith(document.importNode(fresh, true));
            const summary = document.getElementById('findings-summary');
            const compared = document.querySelector('#comparison table') ? ' Compared as you typed.' : '';
            say((summary ? summary.textContent : '') + compared);
          }

          // Start from opens another policy's text by a GET of its own form; the zone typed here goes with it.
          const start = document.querySelector('form.start');
          if (start && zone) {
            start.addEventListener('submit', () => {
              let carried = start.querySelector('input[name="timezone"]');
              if (!carried) {
                carried = document.createElement('input');
                carried.type = 'hidden';
                carried.name = 'timezone';
                start.prepend(carried);
              }

              carried.value = zone.value;
              carried.disabled = zone.value === '';
            });
          }

          const schedule = () => { clearTimeout(timer); timer = setTimeout(update, 500); };
          text.addEventListener('input', schedule);
          base.addEventListener('change', schedule);
          if (zone) zone.addEventListener('change', schedule);
        })();
        """;
}
