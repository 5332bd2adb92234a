using System.Diagnostics;
using DetainerRules.Model;
using DetainerRules.Model.Scenarios;

namespace DetainerRules.Analysis.Words;

/// <summary>Words for the model's values in descriptions of the space.</summary>
internal static class Phrases
{
    public static string Level(OffenseLevel level) => Vocabulary.Word(level).Replace('_', ' ');

    public static string Category(OffenseCategory category) => category switch
    {
        OffenseCategory.Dui => "DUI",
        _ => Vocabulary.Word(category).Replace('_', ' '),
    };

    /// <summary>"a" or "an" before a phrase.</summary>
    public static string Article(string phrase) => phrase.Length > 0 && "aeiouAEIOU".Contains(phrase[0]) ? "an" : "a";

    public static string Request(FederalRequest request) => request switch
    {
        FederalRequest.CivilEnforcementOperation => "help with a civil immigration operation",
        FederalRequest.JailAccess => "access to the jail",
        FederalRequest.Interview => "an interview",
        FederalRequest.ReleaseDateInformation => "the release date",
        FederalRequest.CriminalIntelligence => "criminal intelligence",
        _ => throw new UnreachableException($"no phrase for the request {request}"),
    };

    public static string Warrant(WarrantKind warrant) => warrant switch
    {
        WarrantKind.Administrative => "an administrative warrant",
        WarrantKind.Judicial => "a judge's warrant",
        WarrantKind.None => "no warrant",
        _ => throw new UnreachableException($"no phrase for the warrant {warrant}"),
    };

    /// <summary>"a federal judge's warrant for an immigration crime"; a fact not stated goes unsaid, so with neither this is <see cref="Warrant(WarrantKind)"/>.</summary>
    public static string Warrant(WarrantKind warrant, WarrantCourt? court, WarrantOffense? offense)
    {
        if (warrant != WarrantKind.Judicial || (court is null && offense is null))
        {
            return Warrant(warrant);
        }

        var judge = court switch
        {
            WarrantCourt.Federal => "a federal judge's warrant",
            WarrantCourt.State => "a state judge's warrant",
            _ => "a judge's warrant",
        };
        return offense switch
        {
            WarrantOffense.ImmigrationCrime => judge + " for a federal immigration crime",
            WarrantOffense.OtherCrime => judge + " for a crime other than an immigration crime",
            WarrantOffense.Civil => judge + " for no crime (civil)",
            _ => judge,
        };
    }
}
