using DetainerRules.Model;
using DetainerRules.Model.Agencies;
using DetainerRules.Model.Policies;

namespace DetainerRules.Yaml.Formats;

/// <summary>The agency roster format (<c>rules/agencies/</c>): agencies with their 287(g) agreements, and the source they come from.</summary>
public static class AgencyFormat
{
    /// <summary>An agency id: an ORI (<c>NV0020000</c>) or a slug of its state and name (<c>nv-las-vegas-metropolitan-police-department</c>).</summary>
    public const string IdPattern = "^([A-Z]{2}[A-Z0-9]{7}|[a-z]{2}-[a-z0-9-]{1,150})$";

    /// <summary>An ORI, the FBI's nine-character agency identifier.</summary>
    public const string OriPattern = "^[A-Z]{2}[A-Z0-9]{7}$";

    private static readonly TextShape Date = new("a date, YYYY-MM-DD", ScenarioFormat.DatePattern);

    public static ObjectShape Source { get; } = new("where the roster's agencies and agreements come from, and as of when",
    [
        new("title", new TextShape("what the source is"), Required: true),
        new("publisher", new TextShape("who published it"), Required: true),
        new("url", new TextShape("where the publisher keeps it")),
        new("snapshot", new TextShape("the copy the roster was built from, when not the publisher's own")),
        new("as_of", Date, Required: true),
    ]);

    public static ObjectShape Agreement { get; } = new("a 287(g) memorandum of agreement",
    [
        new("model", new WordShape("jem (Jail Enforcement Model), wso (Warrant Service Officer) or tfm (Task Force Model)", Vocabulary.Words(typeof(AgreementModel))), Required: true),
        new("signed", Date, Required: true),
        new("ends", Date),
    ]);

    public static ObjectShape Agency { get; } = new("a law enforcement agency",
    [
        new("id", new TextShape("the agency's ORI where known, else its state's postal code and its name in lowercase letters, digits and dashes", IdPattern), Required: true),
        new("name", new TextShape("the agency's name, as its source writes it"), Required: true),
        new("type", new WordShape("what kind of agency it is", Vocabulary.Words(typeof(AgencyType))), Required: true),
        new("state", new WordShape("the postal code of its state", [.. UsJurisdictions.Names.Keys.Where(k => k != UsJurisdictions.Federal)]), Required: true),
        new("county", new TextShape("the county it serves, where known")),
        new("ori", new TextShape("its ORI, the FBI's agency identifier", OriPattern)),
        new("policy", new TextShape("the catalog policy family (or id) of the agency's own published policy", PolicyFormat.IdPattern)),
        new("agreements", new ListShape("its 287(g) agreements", Agreement)),
    ]);

    public static ObjectShape Refused { get; } = new("a row of the source that could not be read",
    [
        new("line", new IntegerShape("the row's line in the source file", 1, int.MaxValue), Required: true),
        new("agency", new TextShape("the agency the row names")),
        new("reason", new TextShape("why it could not be read"), Required: true),
    ]);

    public static ObjectShape Top { get; } = new("an agency roster: agencies with their 287(g) agreements, as one source lists them",
    [
        new("source", Source, Required: true),
        new("agencies", new ListShape("the agencies", Agency), Required: true),
        new("refused", new ListShape("rows of the source that could not be read, so none is lost without a word", Refused)),
    ]);
}
