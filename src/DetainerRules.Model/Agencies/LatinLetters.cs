namespace DetainerRules.Model.Agencies;

/// <summary>The plain letters of a Latin letter with marks: <c>é</c> is <c>e</c>, <c>ñ</c> is <c>n</c>, <c>ß</c> is <c>ss</c>.</summary>
/// <remarks>
/// The tool runs with invariant globalization (no ICU), where <see cref="string.Normalize()"/> leaves
/// every letter outside ASCII as it is, so "San José" could never match "San Jose". The letters of
/// Latin-1 and Latin Extended-A, which the names of American agencies and places use (Spanish,
/// French, German, Polish), are folded here instead; a letter outside them stays outside every word.
/// </remarks>
internal static class LatinLetters
{
    /// <summary>U+00C0 to U+00FF, one letter each; <c>_</c> where the character is no letter (× and ÷) or folds to two.</summary>
    private const string Latin1 =
        "aaaaaa_ceeeeiiii" + "dnooooo_ouuuuy__" +
        "aaaaaa_ceeeeiiii" + "dnooooo_ouuuuy_y";

    /// <summary>U+0100 to U+017F, one letter each; <c>_</c> where the letter folds to two.</summary>
    private const string ExtendedA =
        "aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + "gggghhhhiiiiiiii" + "ii__jjkkklllllll" +
        "lllnnnnnnnnnoooo" + "oo__rrrrrrssssss" + "ssttttttuuuuuuuu" + "uuuuwwyyyzzzzzzs";

    /// <returns>The letter's plain letters in lowercase, or null when it is not a Latin letter with marks.</returns>
    public static string? Plain(char c) => c switch
    {
        '\u00c6' or '\u00e6' => "ae",
        '\u00de' or '\u00fe' => "th",
        '\u00df' => "ss",
        '\u0132' or '\u0133' => "ij",
        '\u0152' or '\u0153' => "oe",
        >= '\u00c0' and <= '\u00ff' => Letter(Latin1[c - '\u00c0']),
        >= '\u0100' and <= '\u017f' => Letter(ExtendedA[c - '\u0100']),
        _ => null,
    };

    private static string? Letter(char plain) => plain == '_' ? null : plain.ToString();
}
