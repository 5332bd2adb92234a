using System.Text;

namespace DetainerRules.TestSupport;

/// <summary>One file of a generated policy set.</summary>
public sealed record GeneratedFile(string Name, string Text);

/// <summary>A generated policy and every file it needs: the bases it extends and the authorities it is bound by.</summary>
/// <param name="Seed">The seed that reproduces the set: <c>PolicyGenerator.Generate(Seed)</c>.</param>
/// <param name="RootId">The policy to evaluate; its file is <c>RootId.yaml</c>.</param>
public sealed record GeneratedPolicySet(int Seed, string RootId, IReadOnlyList<GeneratedFile> Files)
{
    /// <summary>The IANA zone the set's bookings are in (<c>--timezone</c>): the zone of each of its policies that names none (<c>local</c>, or no <c>time_zone</c>) when placed.</summary>
    public string? BookingZone { get; init; }

    /// <summary>Writes every file into <paramref name="folder"/> (beside each other, as <c>extends</c> and <c>bound_by</c> look them up) and returns the root policy's path.</summary>
    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Files)
        {
            File.WriteAllText(Path.Combine(folder, file.Name), file.Text);
        }

        return Path.Combine(folder, RootId + ".yaml");
    }

    /// <summary>Every file, each under a header naming it: what a failure prints.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var file in Files)
        {
            text.Append("# ---- ").Append(file.Name).Append('\n').Append(file.Text);
        }

        return text.ToString();
    }
}
