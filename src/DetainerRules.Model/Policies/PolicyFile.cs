namespace DetainerRules.Model.Policies;

/// <summary>A file a policy was read from, and the SHA-256 of its text, so a report says exactly which file gave its answers.</summary>
/// <param name="Path">The file as it was opened.</param>
/// <param name="Sha256">Lowercase hex of the SHA-256 of the file's text in UTF-8 (what <c>sha256sum</c> prints for a UTF-8 file without a byte-order mark).</param>
public sealed record PolicyFile(string Path, string Sha256);
