namespace DetainerRules.Model.Agencies;

/// <summary>The kinds of 287(g) agreement ICE signs with an agency, each with its own standard memorandum of agreement.</summary>
public enum AgreementModel
{
    /// <summary>Jail Enforcement Model: trained jail officers question and process people booked into the jail.</summary>
    Jem,

    /// <summary>Warrant Service Officer: trained jail officers serve ICE's administrative warrants and hold for up to 48 hours.</summary>
    Wso,

    /// <summary>Task Force Model: trained officers use immigration authority in the field.</summary>
    Tfm,
}
