namespace DetainerRules.Web.Pages;

/// <summary>The Evaluate page's one script, served by the app itself (<c>script-src 'self'</c>): it evaluates the booking as it is typed.</summary>
/// <remarks>
/// Progressive enhancement only: without it the form is a plain GET and every answer is the same.
/// On each change (after a short pause) it asks the server for the page of the form's query, the
/// same request the button sends, and puts the new answers and the loader's messages in place of
/// the old, keeping the focus where the analyst is typing; the address follows, so a link still
/// reproduces what is shown. "Add a charge" and "Add a conviction" add a row in place instead of
/// sending the form. It builds no markup of its own: every element it inserts is one the server
/// rendered and encoded (a new row is a copy of the server's blank row in a <c>template</c>), taken
/// from a parsed document, never through innerHTML.
/// </remarks>
public static class EvaluateScript
{
    public const string Path = "/evaluate.js";

    public const string Text = """
        // Evaluate as you type: the workbench's Evaluate page, enhanced. Without this script the form works as it is.
        (() => {
          'use strict';
          const form = document.getElementById('booking');
          if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;
          const status = document.getElementById('live');
          let timer = 0;
          let asked = 0;

          const say = (text) => { if (status) status.textContent = text; };

          async function update() {
            // The fields as the button sends them, empty ones left out of the address (the booking time always in: it is what asks for an evaluation).
            const params = new URLSearchParams();
            const chosen = [];
            for (const [key, value] of new FormData(form)) {
              if (key === 'policy') chosen.push(value);
              else if (key === 'columns') continue;
              else if (value !== '' || key === 'booked_at') params.append(key, value);
            }

            // The columns keep the order they were asked in (a select lists its choices in its own order); a newly chosen policy comes last.
            const before = new URLSearchParams(location.search).getAll('policy').filter((p) => chosen.includes(p));
            for (const policy of [...before, ...chosen.filter((p) => !before.includes(p))]) params.append('policy', policy);

            const query = params.toString();
            const ticket = ++asked;
            say('Evaluating…');
            let html;
            try {
              const response = await fetch(form.getAttribute('action') + '?' + query, { headers: { Accept: 'text/html' } });
              html = await response.text();
            } catch {
              say('The workbench did not answer; the Evaluate button sends the form.');
              return;
            }

            // An answer to an older query than the last one asked is dropped.
            if (ticket !== asked) return;
            const next = new DOMParser().parseFromString(html, 'text/html');
            const fresh = next.getElementById('result');
            const result = document.getElementById('result');
            if (!fresh || !result) {
              say('The answer could not be read; the Evaluate button sends the form.');
              return;
            }

            result.replaceWith(document.importNode(fresh, true));
            placeErrors(next);
            history.replaceState(null, '', form.getAttribute('action') + '?' + query);

            // The order shown, for the Evaluate button: the form sent whole keeps the columns as they are.
            const columns = form.elements.namedItem('columns');
            if (columns) columns.value = params.getAll('policy').join(' ');
            const problems = next.querySelectorAll('#problems li').length;
            say(problems === 0 ? 'Evaluated as you typed.' : problems + (problems === 1 ? ' problem' : ' problems') + ': see beside the fields.');
          }

          // The loader's messages beside their fields, as the server places them; the controls themselves are left as typed.
          function placeErrors(next) {
            form.querySelectorAll('p.error').forEach((p) => p.remove());
            form.querySelectorAll('[aria-invalid]').forEach((c) => { c.removeAttribute('aria-invalid'); c.removeAttribute('aria-describedby'); });
            next.querySelectorAll('form p.error').forEach((p) => {
              const control = document.getElementById(p.id.slice('error-'.length));
              if (!control) return;
              const error = document.importNode(p, true);
              if (control.tagName === 'FIELDSET') {
                (control.querySelector('legend') || control).after(error);
                return;
              }

              (control.closest('label') || control).after(error);
              control.setAttribute('aria-invalid', 'true');
              control.setAttribute('aria-describedby', p.id);
            });
          }

          // "Add a charge" in place (without this script the button sends the form for one more row): a copy of the blank row the
          // server rendered in the list's template, renumbered and labelled as the server numbers rows, the focus moved into it.
          function addRow(button) {
            const list = button.value;
            const rows = document.getElementById(list + '-rows');
            const template = document.getElementById(list + '-row');
            if (!rows || !template || !template.content) return false;
            const n = rows.rows.length + 1;
            const max = Number(button.dataset.max);
            if (n > max) return true;
            const row = document.importNode(template.content, true).firstElementChild;
            row.querySelector('th').textContent = String(n);
            row.querySelectorAll('input, select').forEach((control) => {
              const name = list + n + control.name.slice(list.length + 1);
              control.id = name;
              control.name = name;
              control.setAttribute('aria-label', control.getAttribute('aria-label').replace(' 0 ', ' ' + n + ' '));
            });
            rows.append(row);
            row.querySelector('input, select').focus();
            if (n >= max) {
              button.disabled = true;
              const limit = document.getElementById(button.id + '-limit');
              if (limit) limit.hidden = false;
            }

            say((list === 'charge' ? 'Charge' : 'Conviction') + ' row ' + n + ' added.');
            return true;
          }

          form.querySelectorAll('button[name="add"]').forEach((button) => button.addEventListener('click', (event) => {
            if (addRow(button)) event.preventDefault();
          }));

          const schedule = () => { clearTimeout(timer); timer = setTimeout(update, 400); };
          form.addEventListener('input', schedule);
          form.addEventListener('change', schedule);
        })();
        """;
}
