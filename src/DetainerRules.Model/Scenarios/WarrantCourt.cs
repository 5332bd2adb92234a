namespace DetainerRules.Model.Scenarios;

/// <summary>The court whose judge signed a judicial warrant that comes with a detainer.</summary>
/// <remarks>
/// The laws that define a "judicial warrant" draw this line (D.C. Code 24-211.07(a), NYC Admin. Code
/// 9-131 and 14-154, Cal. Gov. Code 7284.4(i), D.R.M.C. 28-252(a)). An immigration judge is no member:
/// every law read says that one is not a judge for these purposes, and a removal order ICE executes
/// comes as an administrative warrant (I-205).
/// </remarks>
public enum WarrantCourt
{
    /// <summary>A federal judge appointed under Article III of the Constitution, or a federal magistrate judge (28 U.S.C. 631).</summary>
    Federal,

    /// <summary>A judge of a state court.</summary>
    State,
}
