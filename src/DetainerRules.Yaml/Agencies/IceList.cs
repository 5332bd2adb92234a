using System.Globalization;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Model.Policies;
using DetainerRules.Yaml.Batch;
using DetainerRules.Yaml.Documents;

namespace DetainerRules.Yaml.Agencies;

/// <summary>Reads ICE's list of 287(g) participating agencies, as ICE publishes it (saved as CSV) or as a snapshot repository keeps it, into a roster.</summary>
/// <remarks>
/// Columns are found by their names in the header, as ICE has spelled them over the years; the
/// order does not matter and other columns (ICE's MOA and addendum links) are named as ignored.
/// Every row ends in the roster, is merged into another with the same agency (one agency,
/// several agreements), or is refused with its line and reason; blank rows and repeated rows are
/// counted and named. Nothing is guessed: a date ICE mistyped (<c>7/72025</c>) is refused, not
/// read as the likeliest day.
/// </remarks>
public static class IceList
{
    /// <summary>The columns read, each with the header names ICE has used for it (compared without case or extra spaces).</summary>
    public static IReadOnlyDictionary<string, string[]> Columns { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["state"] = ["STATE"],
        ["agency"] = ["LAW ENFORCEMENT AGENCY", "AGENCY", "AGENCY NAME"],
        ["type"] = ["TYPE", "JURISDICTION TYPE"],
        ["county"] = ["COUNTY"],
        ["model"] = ["SUPPORT TYPE", "287(G) MODEL", "MODEL", "PROGRAM MODEL"],
        ["signed"] = ["SIGNED", "MOA SIGNED", "DATE SIGNED", "SIGNED DATE", "SIGNATURE DATE"],
        ["ori"] = ["ORI"],
    };

    private static readonly string[] Required = ["state", "agency", "model", "signed"];

    private static readonly Dictionary<string, AgreementModel> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Jail Enforcement Model"] = AgreementModel.Jem,
        ["Jail Enforcement"] = AgreementModel.Jem,
        ["JEM"] = AgreementModel.Jem,
        ["Warrant Service Officer"] = AgreementModel.Wso,
        ["Warrant Service Officer Model"] = AgreementModel.Wso,
        ["WSO"] = AgreementModel.Wso,
        ["Task Force Model"] = AgreementModel.Tfm,
        ["Task Force"] = AgreementModel.Tfm,
        ["TFM"] = AgreementModel.Tfm,
    };

    /// <summary>What an import read: the roster, and what it says of the rows it did not take as they were.</summary>
    /// <param name="Refused">One error per refused row, at the row's line and the column of the cell at fault.</param>
    /// <param name="Notes">Columns ignored, blank rows skipped, repeated rows merged.</param>
    /// <param name="Rows">The rows read after the header, blank ones included.</param>
    public sealed record Import(Roster Roster, IReadOnlyList<Diagnostic> Refused, IReadOnlyList<string> Notes, int Rows);

    /// <exception cref="InvalidInputException">The file cannot be read, or its header lacks a column the roster needs; nothing is imported.</exception>
    public static Import Read(TextReader reader, string file, RosterSource source)
    {
        var rows = new CsvRows(new BoundedLines(reader, InputLimits.MaxFileLength, CancellationToken.None));
        if (!rows.Next(out var header))
        {
            throw Fail(file, 1, 1, "header", $"empty CSV: expected ICE's header row ({string.Join(", ", Required.Select(c => Columns[c][0]))}, ...)");
        }

        var (columns, ignored) = Header(file, header);
        rows.ExpectedCells = header.Cells.Count;
        var notes = new List<string>();
        if (ignored.Count > 0)
        {
            notes.Add($"columns not read: {string.Join(", ", ignored.Select(c => $"`{c}`"))}");
        }

        var refused = new List<Diagnostic>();
        var refusedRows = new List<RefusedRow>();
        var blank = new List<long>();
        var agencies = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var count = 0;
        while (rows.Next(out var row))
        {
            count++;
            var outcome = ReadRow(file, columns, header.Cells.Count, row);
            switch (outcome)
            {
                case BlankRow:
                    blank.Add(row.Line);
                    break;
                case Refusal r:
                    refused.Add(r.Diagnostic);
                    refusedRows.Add(new RefusedRow(row.Line, r.Agency, $"{r.Diagnostic.Field}: {r.Diagnostic.Message}"));
                    break;
                case Listing l:
                    var id = l.Ori ?? AgencyNames.Slug(l.State, l.Name);
                    if (!agencies.TryGetValue(id, out var entry))
                    {
                        entry = agencies[id] = new Entry(id, l, []);
                    }

                    if (entry.Agreements.TryGetValue(l.Agreement, out var first))
                    {
                        notes.Add($"line {row.Line} repeats line {first} ({l.Name}, {Model.Vocabulary.Word(l.Agreement.Model)} signed {l.Agreement.Signed:yyyy-MM-dd}): one agreement");
                    }
                    else
                    {
                        entry.Agreements[l.Agreement] = row.Line;
                        entry.County ??= l.County;
                    }

                    break;
            }
        }

        if (blank.Count > 0)
        {
            notes.Add($"{blank.Count} blank {(blank.Count == 1 ? "row" : "rows")} skipped: {Ranges(blank)}");
        }

        var roster = new Roster(source, [.. agencies.Values.Select(e => e.ToAgency())
            .OrderBy(a => a.State, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)], refusedRows, file);
        return new Import(roster, refused, notes, count);
    }

    private sealed class Entry(string id, Listing first, Dictionary<Agreement, long> agreements)
    {
        public Dictionary<Agreement, long> Agreements { get; } = agreements;

        public string? County { get; set; } = first.County;

        public Agency ToAgency() => new(id, first.Name, AgencyNames.Classify(first.Name, first.Jurisdiction), first.State, County, first.Ori, null,
            [.. Agreements.Keys.OrderBy(a => a.Model).ThenBy(a => a.Signed)]);
    }

    private abstract record RowOutcome;

    private sealed record BlankRow : RowOutcome;

    private sealed record Refusal(Diagnostic Diagnostic, string? Agency) : RowOutcome;

    private sealed record Listing(string State, string Name, string? Jurisdiction, string? County, string? Ori, Agreement Agreement) : RowOutcome;

    private static RowOutcome ReadRow(string file, Dictionary<string, int> columns, int width, CsvRows.Row row)
    {
        string? Cell(string column) => columns.TryGetValue(column, out var i) && i < row.Cells.Count ? Clean(row.Cells[i].Text) : null;
        var agency = Cell("agency");
        Refusal Refuse(string column, string message)
        {
            var at = columns.TryGetValue(column, out var i) && i < row.Cells.Count ? row.Cells[i] : new CsvRows.Cell(string.Empty, row.Line, 1);
            return new Refusal(Diagnostic.Error(new SourceSpan(file, at.Line, at.Column), DiagnosticCodes.Field, Columns[column][0], message), agency);
        }

        if (row.Problem is { } broken)
        {
            return new Refusal(Diagnostic.Error(new SourceSpan(file, row.Line, broken.Column), broken.Code, "row", broken.Message), agency);
        }

        if (row.Cells.All(c => Clean(c.Text) is null))
        {
            return new BlankRow();
        }

        var surplus = row.Cells.Skip(width).Where(c => Clean(c.Text) is not null).ToList();
        if (surplus.Count > 0)
        {
            var extra = surplus[0];
            return new Refusal(Diagnostic.Error(new SourceSpan(file, extra.Line, extra.Column), DiagnosticCodes.Field, "row", $"more cells than the header has columns ({width}): a comma too many?"), agency);
        }

        var stateText = Cell("state");
        if (stateText is null)
        {
            return Refuse("state", "no state");
        }

        if (State(stateText) is not { } state)
        {
            return Refuse("state", $"`{stateText}` is not a state's name or postal code");
        }

        if (agency is null)
        {
            return Refuse("agency", "no agency named");
        }

        var modelText = Cell("model");
        if (modelText is null)
        {
            return Refuse("model", "no 287(g) model");
        }

        if (!Models.TryGetValue(string.Join(' ', modelText.Split(' ', StringSplitOptions.RemoveEmptyEntries)), out var model))
        {
            return Refuse("model", $"`{modelText}` is not a 287(g) model: expected Jail Enforcement Model, Warrant Service Officer or Task Force Model");
        }

        var signedText = Cell("signed");
        if (signedText is null)
        {
            return Refuse("signed", "no signing date");
        }

        if (Date(signedText, out var problem) is not { } signed)
        {
            return Refuse("signed", $"`{signedText}` {problem}");
        }

        var ori = Cell("ori");
        if (ori is not null && !System.Text.RegularExpressions.Regex.IsMatch(ori, Formats.AgencyFormat.OriPattern))
        {
            return Refuse("ori", $"`{ori}` is not an ORI: two letters and seven letters or digits");
        }

        var county = Cell("county") is { } c && !c.StartsWith('#') ? c : null; // `#N/A`: a spreadsheet's failed lookup, not a county
        return new Listing(state, agency, Cell("type"), county, ori, new Agreement(model, signed));
    }

    private static (Dictionary<string, int> Columns, List<string> Ignored) Header(string file, CsvRows.Row header)
    {
        if (header.Problem is { } broken)
        {
            throw Fail(file, header.Line, broken.Column, "header", broken.Message);
        }

        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var problems = new List<Diagnostic>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var cell = header.Cells[i];
            var name = string.Join(' ', cell.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
            var column = Columns.FirstOrDefault(c => c.Value.Contains(name, StringComparer.Ordinal)).Key;
            if (column is null)
            {
                if (name.Length > 0)
                {
                    ignored.Add(cell.Text.Trim());
                }
            }
            else if (!found.TryAdd(column, i))
            {
                problems.Add(Diagnostic.Error(new SourceSpan(file, cell.Line, cell.Column), DiagnosticCodes.Field, name, $"a second column for the {column} (`{cell.Text.Trim()}`): which one to read is not clear"));
            }
        }

        foreach (var missing in Required.Where(r => !found.ContainsKey(r)))
        {
            problems.Add(Diagnostic.Error(new SourceSpan(file, header.Line, 1), DiagnosticCodes.Field, Columns[missing][0],
                $"no column for the {missing}: expected one headed {string.Join(" or ", Columns[missing].Select(n => $"`{n}`"))}"));
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : (found, ignored);
    }

    /// <summary>A state's postal code from its name (<c>NORTH CAROLINA</c>, <c>North Carolina</c>) or its code.</summary>
    private static string? State(string text)
    {
        var upper = text.ToUpperInvariant();
        return upper != UsJurisdictions.Federal && UsJurisdictions.Names.ContainsKey(upper) ? upper
            : UsJurisdictions.Names.FirstOrDefault(p => p.Key != UsJurisdictions.Federal && string.Equals(p.Value, text, StringComparison.OrdinalIgnoreCase)).Key;
    }

    /// <summary>A date as ICE's list or a spreadsheet's CSV writes it: <c>2025-06-25</c> or <c>6/25/2025</c>.</summary>
    private static DateOnly? Date(string text, out string problem)
    {
        problem = string.Empty;
        string[] formats = ["yyyy-MM-dd", "M/d/yyyy"];
        if (!DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = text.All(char.IsAsciiDigit)
                ? "is not a date but a number (a spreadsheet's serial date?): save the column as dates, YYYY-MM-DD or M/D/YYYY"
                : "is not a date: expected YYYY-MM-DD or M/D/YYYY";
            return null;
        }

        if (date.Year is < InputLimits.MinYear or > InputLimits.MaxYear)
        {
            problem = $"is out of range: years {InputLimits.MinYear} to {InputLimits.MaxYear} are accepted";
            return null;
        }

        return date;
    }

    /// <summary>A cell's text with its spaces trimmed and runs of spaces made one; null when nothing is left.</summary>
    private static string? Clean(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }

    /// <summary>Line numbers as ranges: <c>lines 833-905</c>, <c>line 12, lines 40-41</c>.</summary>
    private static string Ranges(List<long> lines)
    {
        var parts = new List<string>();
        for (var i = 0; i < lines.Count;)
        {
            var j = i;
            while (j + 1 < lines.Count && lines[j + 1] == lines[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? $"line {lines[i]}" : $"lines {lines[i]}-{lines[j]}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static InvalidInputException Fail(string file, long line, long column, string field, string message) =>
        new([Diagnostic.Error(new SourceSpan(file, line, column), DiagnosticCodes.Field, field, message)]);
}
