namespace DetainerRules.Fuzz;

/// <summary>
/// An input made the code under test break its contract without throwing an exception of its own:
/// too slow, too much memory, a diagnostic with no position, or two engines that disagree.
/// </summary>
/// <remarks>Unexpected exceptions from the code under test are not wrapped: they escape as they are, so the fuzzer sees their own type and stack.</remarks>
internal sealed class ContractViolationException : Exception
{
    /// <param name="key">What groups violations of this kind into one finding (e.g. the policy two engines disagree on); defaults to the kind.</param>
    public ContractViolationException(string kind, string message, string? key)
        : base($"{kind}: {message}")
    {
        Kind = kind;
        Key = key is null ? kind : $"{kind} {key}";
    }

    public ContractViolationException(string kind, string message)
        : this(kind, message, null)
    {
    }

    public ContractViolationException()
        : this("violation", "the contract was broken")
    {
    }

    public ContractViolationException(string message)
        : this("violation", message)
    {
    }

    public ContractViolationException(string message, Exception inner)
        : base(message, inner)
    {
        Kind = "violation";
        Key = Kind;
    }

    /// <summary>One word: <c>hang</c>, <c>memory</c>, <c>position</c>, <c>divergence</c>.</summary>
    public string Kind { get; }

    /// <summary>The kind and what tells this finding from others of its kind.</summary>
    public string Key { get; }
}
