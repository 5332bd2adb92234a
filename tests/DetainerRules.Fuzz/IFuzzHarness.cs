namespace DetainerRules.Fuzz;

/// <summary>What is fuzzed: a policy file, a scenario file, a batch input as JSON lines or CSV, or one corrupted record inside a valid batch.</summary>
internal enum Target
{
    Policy,
    Scenario,
    Jsonl,
    Csv,
    Batch,
}

/// <summary>One input through the code under test, with the contract checked; any breach escapes as an exception.</summary>
internal interface IFuzzHarness
{
    Target Target { get; }

    /// <summary>What the last input came to, in a few words.</summary>
    string LastOutcome { get; }

    /// <summary>Loads what the target needs before the first input, so the first input is not charged for it.</summary>
    void WarmUp();

    /// <summary>Checks one input; throws on any breach of the contract.</summary>
    void Check(string text);
}
