namespace DetainerRules.Cli.Commands;

/// <summary>What <c>detainer graph</c> draws in.</summary>
internal enum GraphFormat
{
    Mermaid,
    Dot,
}
