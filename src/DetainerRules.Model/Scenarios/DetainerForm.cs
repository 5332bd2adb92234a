namespace DetainerRules.Model.Scenarios;

/// <summary>The ICE form that was lodged with the agency.</summary>
public enum DetainerForm
{
    /// <summary>Immigration detainer: notify before release and hold up to 48 hours.</summary>
    I247A,

    /// <summary>Request for advance notice of release only; asks for no hold.</summary>
    I247N,

    /// <summary>Order to detain or release; treated by some states as a civil immigration warrant.</summary>
    I203,
}
