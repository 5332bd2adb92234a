using System.Text;
using DetainerRules.Reports;

namespace DetainerRules.Tests.Reports;

/// <summary>A report rendered as text (the command line) and as UTF-8 bytes (the server) is the same report, whatever it holds.</summary>
[TestFixture]
public class JsonRenderTests
{
    [TestCase("plain")]
    [TestCase("café, 日本, 👮, § 7284.6")]
    [TestCase("\u202eevil\u001b[8m")]
    [TestCase("line\nbreak\ttab\r")]
    [TestCase("\U000E0041\u200b")]
    public void RenderLine_AnyText_TheBytesOfRenderAndALineEnd(string value)
    {
        void Write(System.Text.Json.Utf8JsonWriter w)
        {
            w.WriteStartObject();
            w.WriteString("id", value);
            w.WriteStartArray("because");
            w.WriteStringValue(value + value);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        var text = JsonReport.Render(Write);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonReport.RenderLine(Write), Is.EqualTo(Encoding.UTF8.GetBytes(text + "\n")));
            Assert.That(text, Does.Contain("\"id\": "), "indented as every report");
        }
    }

    [Test]
    public void Render_OneAfterALongerOne_HoldsOnlyItsOwnText()
    {
        _ = JsonReport.Render(w => w.WriteStringValue(new string('x', 100_000)));
        _ = JsonReport.RenderLine(w => w.WriteStringValue(new string('y', 5_000)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonReport.Render(w => w.WriteStringValue("short")), Is.EqualTo("\"short\""));
            Assert.That(JsonReport.RenderLine(w => w.WriteNumberValue(1)), Is.EqualTo("1\n"u8.ToArray()));
        }
    }

    [Test]
    public void Render_InsideAnotherRender_BothWhole()
    {
        var outer = JsonReport.Render(w =>
        {
            w.WriteStartArray();
            w.WriteStringValue("before");
            w.WriteStringValue(JsonReport.Render(inner => inner.WriteStringValue("inner")));
            w.WriteStringValue("after");
            w.WriteEndArray();
        }, new System.Text.Json.JsonWriterOptions());

        Assert.That(outer, Is.EqualTo("[\"before\",\"\\u0022inner\\u0022\",\"after\"]"));
    }
}
