using System.Net;
using DetainerRules.Yaml;

namespace DetainerRules.Web;

/// <summary>What <c>detainer serve</c> was asked for: where to listen and where policies are found.</summary>
public sealed record WorkbenchOptions
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The address to listen on; loopback unless the user says otherwise, so nothing beyond this machine can reach it.</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 takes any free one (the URL printed names it).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Where policy ids are looked up, as on the command line (README, "Where policies are found").</summary>
    public required CatalogSearchPath SearchPath { get; init; }

    /// <summary>Where the server says what went wrong inside it (a defect, never a client's bad input); the command line passes its escaping error writer.</summary>
    public TextWriter Error { get; init; } = TextWriter.Null;

    /// <summary>True when only this machine can connect.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Host);
}
