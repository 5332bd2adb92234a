using DetainerRules.Reports;

namespace DetainerRules.Web.Tests;

/// <summary>Which addresses from a policy file the pages make into links: absolute http and https only.</summary>
[TestFixture]
public class HtmlTextTests
{
    [TestCase("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2")]
    [TestCase("http://example.org/", "http://example.org/")]
    [TestCase("HTTPS://Example.org/x\"onmouseover=\"alert(1)", "https://example.org/x%22onmouseover=%22alert(1)")]
    public void Href_HttpAndHttps_EncodedForTheAttribute(string url, string expected) => Assert.That(HtmlText.Href(url), Is.EqualTo(expected));

    [TestCase("javascript:alert(1)")]
    [TestCase(" JavaScript:alert(1)")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("file:///etc/passwd")]
    [TestCase("vbscript:msgbox(1)")]
    [TestCase("/policies/holding")]
    [TestCase("//evil.example/x")]
    [TestCase("example.org")]
    [TestCase("http:///nohost")]
    [TestCase("")]
    [TestCase(null)]
    public void Href_AnythingElse_NotALink(string? url) => Assert.That(HtmlText.Href(url), Is.Null);

    [Test]
    public void Encode_Markup_AndControls_MadeVisible() =>
        Assert.That(HtmlText.Encode("<b>x</b> & \"y\"\u202E\n"), Is.EqualTo("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;\\u202E\\n"));
}
