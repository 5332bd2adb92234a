namespace DetainerRules.Tests.Support;

/// <summary>The two engines a policy runs on; every semantics test runs on both, with the same expectations.</summary>
public enum EngineKind
{
    /// <summary>The NRules rule network: the reference.</summary>
    RuleNetwork,

    /// <summary>The same network with its expressions compiled to IL and its quantifiers as loops, as <c>--engine nrules</c> builds it for bulk work.</summary>
    CompiledNetwork,

    /// <summary>The compiled-delegate twin that batch, compare, space, what-flips and the NUnit constraints run on.</summary>
    Delegates,
}
