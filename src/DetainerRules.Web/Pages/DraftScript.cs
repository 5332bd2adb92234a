namespace DetainerRules.Web.Pages;

/// <summary>The Draft page's one script, served by the app itself (<c>script-src 'self'</c>): it checks the draft as it is typed and, once it loads, compares it.</summary>
/// <remarks>
/// Progressive enhancement only: without it the form's button sends the same draft and the page
/// answers the same. After a pause in typing it sends the text to <c>POST /v1/validate</c> and lists
/// the findings and marks their lines from that JSON, building each element with <c>textContent</c>
/// (never markup from text); when there are no errors it sends the form to <see cref="DraftPage.Path"/>
/// and puts the server's rendered <c>#comparison</c> in place of the old one, taken from a parsed
/// document as the Evaluate page's script does, so the comparison, its regions and example links are
/// rendered in one place only.
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
          if (!form || !text || !base || !window.fetch || !window.DOMParser) return;
          const status = document.getElementById('live');
          let timer = 0;
          let asked = 0;

          const say = (words) => { if (status) status.textContent = words; };
          const element = (tag, className, words) => {
            const e = document.createElement(tag);
            if (className) e.className = className;
            if (words !== undefined) e.textContent = words;
            return e;
          };

          async function update() {
            const ticket = ++asked;
            const draft = text.value;
            say('Checking…');
            let found;
            try {
              const response = await fetch('/v1/validate', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ text: draft }),
              });
              found = await response.json();
              if (!response.ok) {
                if (ticket === asked) say(found.detail || 'The draft could not be checked.');
                return;
              }
            } catch {
              say('The workbench did not answer; the Check and compare button sends the form.');
              return;
            }

            // An answer to an older text than the last one sent is dropped.
            if (ticket !== asked) return;
            showFindings(draft, found);
            if (found.errors > 0 || !base.value) {
              wait(found.errors > 0 ? 'The comparison waits until the draft has no errors.' : 'Choose a policy to compare against.');
              say(summary(found));
              return;
            }

            say('Comparing…');
            let html;
            try {
              const response = await fetch(form.getAttribute('action'), {
                method: 'POST',
                headers: { Accept: 'text/html' },
                body: new URLSearchParams({ text: draft, base: base.value }),
              });
              html = await response.text();
            } catch {
              say('The workbench did not answer; the Check and compare button sends the form.');
              return;
            }

            if (ticket !== asked) return;
            const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('comparison');
            const comparison = document.getElementById('comparison');
            if (!fresh || !comparison) {
              say('The comparison could not be read; the Check and compare button sends the form.');
              return;
            }

            comparison.replaceWith(document.importNode(fresh, true));
            say(summary(found) + ' Compared as you typed.');
          }

          // "2 errors, 1 warning.", as the server says it.
          function summary(found) {
            if (found.findings.length === 0) return 'No problems: the draft loads as a policy file would.';
            const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
            return plural(found.errors, 'error') + ', ' + plural(found.warnings, 'warning') + '.';
          }

          // The findings as the server lists them, and the listing's lines marked.
          function showFindings(draft, found) {
            const heading = document.getElementById('findings-summary');
            if (heading) heading.textContent = summary(found);
            const list = document.getElementById('diagnostics');
            if (list) list.replaceChildren(...found.findings.map(item));

            const at = new Map();
            for (const f of found.findings) {
              if (f.line > 0) at.set(f.line, [...(at.get(f.line) || []), f]);
            }

            const listing = document.querySelector('#listing ol.listing');
            if (!listing) return;
            const lines = draft === '' ? [] : draft.split('\n');
            const rows = document.createDocumentFragment();
            lines.forEach((line, i) => {
              const li = element('li');
              li.id = 'L' + (i + 1);
              li.append(element('code', '', line));
              for (const f of at.get(i + 1) || []) {
                li.classList.add('has-diagnostic');
                li.append(element('span', 'mark', 'column ' + f.column + ': ' + f.code + ' ' + f.message));
              }

              rows.append(li);
            });
            listing.replaceChildren(rows);
          }

          function item(f) {
            const li = element('li', 'diagnostic ' + f.severity);
            li.dataset.line = f.line;
            li.dataset.column = f.column;
            if (f.line > 0) {
              const link = element('a', '', 'Line ' + f.line + ', column ' + f.column);
              link.href = '#L' + f.line;
              li.append(link);
            } else {
              li.append('The text as a whole');
            }

            li.append(': ' + f.severity + ' ', element('code', '', f.code));
            if (f.field) li.append(' ', element('code', 'path', f.field));
            li.append(' ' + f.message);
            return li;
          }

          function wait(words) {
            const comparison = document.getElementById('comparison');
            if (!comparison) return;
            const heading = comparison.querySelector('h2');
            if (heading) heading.textContent = 'Comparison';
            comparison.replaceChildren(...(heading ? [heading] : []), element('p', 'muted', words));
          }

          const schedule = () => { clearTimeout(timer); timer = setTimeout(update, 500); };
          text.addEventListener('input', schedule);
          base.addEventListener('change', schedule);
        })();
        """;
}
