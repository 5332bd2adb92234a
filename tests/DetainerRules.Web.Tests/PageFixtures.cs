namespace DetainerRules.Web.Tests;

/// <summary>Policies written for the page tests, not law: one citing its sources at every level and role, and one whose every text is hostile markup.</summary>
internal static class PageFixtures
{
    /// <summary>A policy in Nevada citing a quoted, linked provision as its basis and a report as context.</summary>
    public const string Cited = """
        id: cited
        title: Cited policy
        jurisdiction: Test County
        state: NV
        summary: A policy whose rule quotes its source.
        effective: { from: 2021-03-01 }
        sources:
          - id: code
            title: Test County Code
            citation: TCC 2.10
            url: https://example.org/code
          - id: news
            title: Test Gazette
            url: https://example.org/news
        limits:
          clock48: { hours: 48 }
        defaults:
          notify_ice: { value: unknown, because: silent }
          delay_release: { value: unknown, because: silent }
          release_if_ice_absent: { value: unknown, because: silent }
          transfer_to_ice: { value: unknown, because: silent }
          ice_jail_access: { value: unknown, because: silent }
          ask_immigration_status: { value: unknown, because: silent }
          share_criminal_intelligence: { value: unknown, because: silent }
          assist_civil_enforcement: { value: unknown, because: silent }
        rules:
          - id: decline
            when: detainer.form = I-247A
            then:
              delay_release: { value: forbidden }
            because: the code forbids holding anyone on a detainer
            cite:
              - source: code
                at: "§ 2.10(a)"
                quote: No person shall be held on an immigration detainer.
                verified: primary
                url: https://example.org/code#s2-10
              - source: news
                at: para. 4
                verified: secondary
                role: context
          - id: guess
            when: detainer.form = I-247N
            then:
              notify_ice: { value: permitted, at: [release] }
            because: our reading of the code
            cite:
              - source: code
                at: "§ 2.12"
                verified: judgement
                note: the section is silent on the I-247N
        open_questions:
          - whether the code reaches the I-247N
        """;

    /// <summary>Every text a page shows from this file is markup, and its source's link a script.</summary>
    public const string Hostile = """
        id: hostile
        title: "<script>alert('title')</script>Hostile"
        jurisdiction: "<b>Town</b>"
        state: NV
        summary: "<img src=x onerror=alert('summary')>"
        sources:
          - id: src
            title: "<script>alert('source')</script>"
            url: "javascript:alert(1)"
        limits:
          clock48: { hours: 48 }
        defaults:
          notify_ice: { value: unknown, because: "<script>alert('default')</script>" }
          delay_release: { value: unknown, because: silent }
          release_if_ice_absent: { value: unknown, because: silent }
          transfer_to_ice: { value: unknown, because: silent }
          ice_jail_access: { value: unknown, because: silent }
          ask_immigration_status: { value: unknown, because: silent }
          share_criminal_intelligence: { value: unknown, because: silent }
          assist_civil_enforcement: { value: unknown, because: silent }
        rules:
          - id: hold
            when: detainer.form = I-247A
            then:
              delay_release: { value: required, limit: clock48 }
            because: "<script>alert('because')</script>"
            cite:
              - source: src
                at: "<i>s. 1</i>"
                quote: "</blockquote><script>alert('quote')</script>"
                verified: primary
                url: "JavaScript:alert('cite')"
        open_questions:
          - "<script>alert('question')</script>"
        """;

    public static readonly IReadOnlyList<(string Id, string Text)> All = [("cited", Cited), ("hostile", Hostile)];
}
