using System.CommandLine;
using DetainerRules.Yaml.Formats;

namespace DetainerRules.Cli.Commands;

/// <summary><c>detainer schema</c>: the JSON Schema of a file format, written from the shapes the loaders read by.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Argument<string>("format") { Description = "policy, scenario, expectations, map or agencies" };
        format.AcceptOnlyFromAmong([.. JsonSchemaWriter.Formats.Keys]);
        var command = new Command("schema", "Print the JSON Schema of a file format, for editors (the shipped copies are in rules/schema/)") { format };
        command.SetAction(parse =>
        {
            context.Document.Write(JsonSchemaWriter.Write(parse.GetRequiredValue(format)));
            return ExitCodes.Success;
        });
        return command;
    }
}
