namespace DetainerRules.Model.Scenarios;

/// <summary>What a judicial warrant that comes with a detainer is for.</summary>
/// <remarks>
/// California (Gov. Code 7284.4(i)) and Oregon (ORS 181A.820(5)) count only a warrant for a federal
/// criminal immigration offense; Cook County (Ord. 46-37(b)) any criminal warrant.
/// </remarks>
public enum WarrantOffense
{
    /// <summary>A federal crime of immigration law, such as illegal entry or reentry (8 U.S.C. 1325, 1326).</summary>
    ImmigrationCrime,

    /// <summary>Any other crime.</summary>
    OtherCrime,

    /// <summary>No crime: a judge's civil order.</summary>
    Civil,
}
