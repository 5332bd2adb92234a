using Microsoft.Playwright;

namespace DetainerRules.Browser.Tests;

/// <summary>Where the keyboard's focus is, and whether the page shows it.</summary>
internal static class Focus
{
    /// <summary>The focused element's outline (<c>3px solid rgb(...)</c>) when it draws one at least 2 px wide; null when the focus is not drawn.</summary>
    public static Task<string?> Outline(IPage page) => page.EvaluateAsync<string?>("""
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const s = getComputedStyle(e);
          return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? `${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}` : null;
        }
        """);

    /// <summary>The focused form control, named by its id, or for a box of a group by name and value (<c>request=jail_access</c>); null outside a form.</summary>
    public static Task<string?> Control(IPage page) => page.EvaluateAsync<string?>("() => " + Key("document.activeElement"));

    /// <summary>Every control of the form <paramref name="form"/> a person can reach, in the document's order, named as <see cref="Control"/> names them.</summary>
    public static Task<string[]> Controls(IPage page, string form) => page.EvaluateAsync<string[]>($$"""
        () => [...document.querySelectorAll('{{form}} input, {{form}} select, {{form}} textarea, {{form}} button')]
          .filter((e) => !e.disabled && e.type !== 'hidden' && e.tabIndex >= 0)
          .map((e) => {{Key("e")}})
        """);

    private static string Key(string element) =>
        $"({element} && {element}.form ? ({element}.id || `${{{element}.name}}=${{{element}.value}}`) : null)";
}
