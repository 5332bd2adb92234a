using DetainerRules.Model;
using DetainerRules.Model.Decisions;

namespace DetainerRules.Yaml.Formats;

/// <summary>The expectation file format: scenarios and what policies should decide for them.</summary>
public static class ExpectationFormat
{
    public static ObjectShape Expected { get; } = new("a decision's expected value with the details to check",
    [
        new("value", new WordShape("required, permitted, forbidden or unknown", Vocabulary.Words(typeof(Modality))), Required: true),
        new("at", new ListShape("for notify_ice: when ICE is told", new WordShape("booking or release", Vocabulary.Words(typeof(NotificationPoint))))),
        new("hold_until", new NullableShape(new TextShape("for delay_release: when the hold ends; null for no fixed end", ScenarioFormat.TimestampPattern))),
    ]);

    public static ObjectShape Expect { get; } = new("what a policy should decide; only what is stated is checked",
    [
        .. Vocabulary.Words(typeof(DecisionKind)).Select(word => new Property(word, new AnyOfShape("a value, or a value with details", [new WordShape("a value", Vocabulary.Words(typeof(Modality))), Expected]))),
        new("outcome", new WordShape("what happens to the person", Vocabulary.Words(typeof(Outcome)))),
    ]);

    public static ObjectShape Case { get; } = new("a scenario and what policies should decide for it",
    [
        new("scenario", new AnyOfShape("a scenario id or path, or the scenario written out", [new TextShape("a scenario id or path"), ScenarioFormat.Top]), Required: true),
        new("name", new TextShape("the case's name, for a scenario written out")),
        new("policy", new TextShape("the policy `expect` is for, when not the file's")),
        new("timezone", Bookings("for this case, when not the file's")),
        new("because", new TextShape("why, from the policy's sources"), Required: true),
        new("expect", Expect),
        new("policies", new MapShape("what other policies should decide for the same scenario", Expect)),
    ]);

    /// <summary>Where the bookings are: an IANA zone (as <c>--timezone</c>; <c>local</c> is refused by the loader), the pattern a policy's <c>time_zone</c> has.</summary>
    private static TextShape Bookings(string which) =>
        new($"where the bookings are, {which}: an IANA time zone (e.g. America/Chicago), the zone of every policy that names none (`time_zone: local`), its authorities included, as `--timezone` gives it", @"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$");

    public static ObjectShape Top { get; } = new("expected decisions of policies on scenarios",
    [
        new("policy", new TextShape("the policy the cases' `expect` is for")),
        new("timezone", Bookings("for every case that names none")),
        new("cases", new ListShape("the cases", Case), Required: true),
    ]);
}
