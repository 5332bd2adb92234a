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
}
