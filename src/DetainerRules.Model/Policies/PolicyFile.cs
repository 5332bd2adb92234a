using System.Security.Cryptography;
using System.Text;

namespace DetainerRules.Model.Policies;

/// <summary>A file a policy was read from, and the SHA-256 of its text, so a report says exactly which file gave its answers.</summary>
/// <remarks>The hash is worked out when first asked for (a JSON report asks; a text report does not): a run's first SHA-256 loads the system's cryptography library, about 5 ms of a cold start.</remarks>
public sealed class PolicyFile
{
    private readonly Lazy<string> _sha256;

    /// <param name="path">The file as it was opened.</param>
    /// <param name="text">The file's text, as the policy was read from it.</param>
    public PolicyFile(string path, string text)
    {
        Path = path;
        _sha256 = new(() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>The file as it was opened.</summary>
    public string Path { get; }

    /// <summary>Lowercase hex of the SHA-256 of the file's text in UTF-8 (what <c>sha256sum</c> prints for a UTF-8 file without a byte-order mark).</summary>
    public string Sha256 => _sha256.Value;
}
