using System.CommandLine;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Reports;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer codes</c>: every diagnostic code the tool gives, with what it means and what to do.</summary>
internal static class CodesCommand
{
    private const string Block = "detainer codes";

    public static Command Create(CliContext context)
    {
        var update = new Option<string?>("--update")
        {
            Description = $"Instead of printing, replace the table between the `<!-- begin: {Block}` and `<!-- end: {Block} -->` lines of this Markdown file",
        };
        var command = new Command("codes", "Print a Markdown table of the diagnostic codes (DR100 ...), each with what it means and what to do") { update };
        command.SetAction(parse =>
        {
            var table = DiagnosticTable.Markdown(DiagnosticCodes.All);
            if (parse.GetValue(update) is not { } file)
            {
                context.Document.Write(table);
                return ExitCodes.Success;
            }

            return GeneratedBlock.Replace(context, file, Block, table, []);
        });
        return command;
    }
}
