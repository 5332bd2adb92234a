using System.Text.Json;
using DetainerRules.Model.Diagnostics;
using DetainerRules.Web.Tests;
using DetainerRules.Yaml;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DetainerRules.Browser.Tests;

/// <summary>The Evaluate page in Chromium: a booking typed into the form, answered as it is typed, its answers explained, linked and downloaded.</summary>
/// <remarks>
/// The answers expected are read off the fixture policies' texts: <c>holding</c> requires a hold on an
/// I-247A, <c>refusing</c> forbids it, <c>charging</c> requires notice at release for a robbery charge,
/// and every other decision is the template's default, unknown.
/// </remarks>
[TestFixture]
public class EvaluateTests : BrowserFixture
{
    /// <summary>A robbery charge under <c>charging</c>, an I-247A under <c>cited</c>: the booking of the explanation and flip tests, by link.</summary>
    private const string Robbery = "/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery"
        + "&detainer_form=I-247A&detainer_warrant=administrative&policy=charging&policy=cited";

    private EvaluatePage Evaluate => new(Page);

    /// <summary>A half-typed booking is one the loader refuses: the live script's request for it is answered 400, which Chromium notes in the console.</summary>
    private void AllowHalfTypedBookings()
    {
        AllowConsole("the server responded with a status of 400");
        AllowConsole("400 for " + Bench.Url("/evaluate?"));
    }

    [Test]
    public async Task FillingTheForm_TheDecisionsAppear_WithoutSubmitting()
    {
        AllowHalfTypedBookings();
        await Open("/evaluate");
        await Expect(Page.Locator("table.decisions")).ToHaveCountAsync(0);

        // A navigation (the form sent) would start a new document and lose this mark.
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Evaluate.TypeTheBooking("holding", "refusing", "charging");

        await Evaluate.ExpectAnswer("delay_release", "holding", "required");
        await Evaluate.ExpectAnswer("delay_release", "refusing", "forbidden");
        await Evaluate.ExpectAnswer("delay_release", "charging", "unknown");
        await Evaluate.ExpectAnswer("notify_ice", "charging", "required");
        await Evaluate.ExpectAnswer("notify_ice", "holding", "unknown");
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Evaluated as you typed.");
        Assert.That(await Page.EvaluateAsync<bool?>("() => window.__sameDocument"), Is.True, "the page was never reloaded: the script answered");

        // The address follows: the booking as typed, the cleared second charge gone from it.
        var query = new Uri(Page.Url).Query;
        Assert.That(query, Does.Contain("charge1_category=robbery").And.Contain("ice_present=true").And.Contain("detainer_received_at="));
        Assert.That(query, Does.Not.Contain("charge2_"));
        await Screenshot("evaluate-typed");
    }

    /// <summary>
    /// The form at its most rows, every text field full to its <c>maxlength</c> in characters the browser sends as nine
    /// bytes each, sent with the Evaluate button: Chromium sends the whole address and the server answers with the page
    /// (the loader's problems, for dates that are not dates), not a bare 414. A longer text typed is cut at the bound.
    /// </summary>
    [Test]
    public async Task TheFullestForm_SentByTheBrowser_IsAnswered_AndAFieldKeepsToItsBound()
    {
        AllowHalfTypedBookings();
        var max = Web.Pages.BookingForm.MaxRows;
        await Open($"/evaluate?charge{max}_offense=x&conviction{max}_offense=x&policy=holding");

        await Page.Locator("#charge1_offense").FillAsync(new string('a', 250));
        var typed = await Page.Locator("#charge1_offense").InputValueAsync();

        var filled = await Page.EvaluateAsync<int>("""
            () => {
              const fields = [...document.querySelectorAll('#booking input[type=text]')];
              for (const f of fields) f.value = '\u2019'.repeat(f.maxLength);
              return fields.length;
            }
            """);
        await Page.Locator("p.send button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains($"conviction{max}_released_on=%E2%80%99", StringComparison.Ordinal));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(typed, Has.Length.EqualTo(200), "Chromium keeps a typed offense to its maxlength");
            Assert.That(filled, Is.EqualTo((max * 6) + 4), "two a charge, four a conviction, and the booking's, detainer's and release's times and the zone");
            Assert.That(new Uri(Page.Url).Query, Has.Length.GreaterThan(64 * 1024), "the address is past the old limit");
        }

        await Expect(Page.Locator("#problems h2")).ToHaveTextAsync("The booking cannot be evaluated");
        await Expect(Page.Locator($"#conviction{max}_released_on")).ToHaveValueAsync(new string('\u2019', 64));
    }

    [Test]
    public async Task ChangingACharge_FlipsTheAnswer_AndBack()
    {
        // What the fixture says: charging requires notice for a robbery charge and is silent (unknown) otherwise.
        Assert.That(FixturePolicies.Charging, Does.Contain("when: any charge(category = robbery)").And.Contain("notify_ice: { value: required, at: [release] }")
            .And.Contain("notify_ice: { value: unknown"));
        await Open(Robbery);
        await Evaluate.ExpectAnswer("notify_ice", "charging", "required");
        await Expect(await Evaluate.Cell("notify_ice", "charging")).ToContainTextAsync("required (release)");

        await Page.Locator("#charge1_category").SelectOptionAsync("traffic");
        await Evaluate.ExpectAnswer("notify_ice", "charging", "unknown");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("charge1_category=traffic"));

        await Page.Locator("#charge1_category").SelectOptionAsync("robbery");
        await Evaluate.ExpectAnswer("notify_ice", "charging", "required");
    }

    [Test]
    public async Task AnAnswer_OpensOntoTheRule_ItsReason_AndItsQuotedSource()
    {
        await Open(Robbery);
        var notice = await Evaluate.Cell("notify_ice", "charging");
        var why = notice.Locator(".why");
        await Expect(why).Not.ToBeVisibleAsync();
        await notice.GetByText("Why").ClickAsync();

        // The fixtures' words: charging's rule and quote, and cited's (PageFixtures.Cited) for its hold.
        await Expect(why).ToBeVisibleAsync();
        await Expect(why.Locator("ul.rules > li > code").First).ToHaveTextAsync("report-robbery");
        await Expect(why).ToContainTextAsync("robbery charges are reported");
        await Expect(why.Locator("p.when code")).ToHaveTextAsync("any charge(category = robbery)");
        await Expect(why.Locator("figure.cite blockquote")).ToHaveTextAsync("Robbery charges shall be reported at release.");

        var hold = await Evaluate.Cell("delay_release", "cited");
        await hold.GetByText("Why").ClickAsync();
        await Expect(hold.Locator(".why ul.rules > li > code").First).ToHaveTextAsync("decline");
        await Expect(hold.Locator(".why figure.cite blockquote").First).ToHaveTextAsync("No person shall be held on an immigration detainer.");
        await Screenshot("evaluate-answers");
    }

    [Test]
    public async Task AskingWhatWouldChangeEachAnswer_TheWhyListsIt_WithoutSubmitting()
    {
        await Open(Robbery);
        var notice = await Evaluate.Cell("notify_ice", "charging");
        await Expect(notice.Locator(".flips")).ToHaveCountAsync(0);

        // Ticked, the live script asks again; charging notifies on any robbery charge, so a changed charge flips it.
        await Page.Locator("#what_flips").CheckAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("what_flips=true"));
        notice = await Evaluate.Cell("notify_ice", "charging");
        await notice.GetByText("Why").ClickAsync();
        await Expect(notice.Locator(".flips li").First).ToBeVisibleAsync();
        await Expect(notice.Locator(".flips")).ToContainTextAsync("charge");
    }

    [Test]
    public async Task TheAddressAfterTyping_OpenedFresh_GivesTheSameAnswers()
    {
        AllowHalfTypedBookings();
        await Open("/evaluate");
        await Evaluate.TypeTheBooking("holding", "refusing", "charging");
        var typed = (Policies: await Evaluate.Policies(), Answers: await Evaluate.Answers());

        var fresh = await OpenPage(1280, 900);
        await fresh.GotoAsync(Page.Url);
        var again = new EvaluatePage(fresh);
        await Expect(fresh.Locator("table.decisions")).ToBeVisibleAsync();

        Assert.That(typed.Answers, Has.Count.EqualTo(11), "a row for the outcome, the hold and each decision");
        Assert.That(await again.Policies(), Is.EqualTo(typed.Policies));
        Assert.That(await again.Answers(), Is.EqualTo(typed.Answers));
        await Expect(fresh.Locator("#charge1_category")).ToHaveValueAsync("robbery");
        await Expect(fresh.Locator("#charge2_offense")).ToHaveValueAsync(string.Empty);
        await Expect(fresh.Locator("#ice_present")).ToBeCheckedAsync();
        await Expect(fresh.Locator("#detainer_received_at")).ToHaveValueAsync("2025-01-17T12:00:00-08:00");
    }

    [Test]
    public async Task TheYamlDownload_TheCommandLineDecidesItAsThePageDid()
    {
        AllowHalfTypedBookings();
        await Open("/evaluate");
        await Evaluate.TypeTheBooking("holding", "refusing", "charging");
        var policies = await Evaluate.Policies();
        var answers = await Evaluate.Answers();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download YAML" }).ClickAsync());
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "downloads")).FullName, download.SuggestedFilename);
        await download.SaveAsAsync(file);

        var (exit, output, error) = Bench.Cli(["evaluate", .. policies.SelectMany(p => new[] { "-p", p }), "--format", "json", file]);
        Assert.That(exit, Is.Zero, error);
        var columns = JsonDocument.Parse(output).RootElement.GetProperty("policies").EnumerateArray().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(download.SuggestedFilename, Is.EqualTo("scenario.yaml"));
            Assert.That(columns, Has.Count.EqualTo(3));
            Assert.That(answers["outcome"], Is.EqualTo(columns.Select(c => c.GetProperty("outcome").GetString()).ToArray()));
            foreach (var (row, values) in answers.Where(a => a.Key is not ("outcome" or "hold_until" or "limit")))
            {
                Assert.That(values, Is.EqualTo(columns.Select(c => c.GetProperty("decisions").GetProperty(row).GetProperty("value").GetString()).ToArray()), row);
            }

            // The file holds the booking as typed, the cleared charge left out.
            var scenario = ScenarioLoader.Load(await File.ReadAllTextAsync(file), file, "scenario");
            Assert.That(scenario.Charges.Select(c => c.Offense), Is.EqualTo(new[] { "robbery" }));
            Assert.That(scenario.IcePresentAtRelease, Is.True);
        }
    }

    [Test]
    public async Task TypingATimeZone_ThePageAnswersInIt_TheAddressKeepsIt_ABadOneSaidBesideTheField()
    {
        // 02:00 UTC on 1 January 2024: the current version of the `fam` family as written, the 2020 one in Los Angeles (still 31 December 2023 there).
        AllowHalfTypedBookings();
        await Open("/evaluate?booked_at=2024-01-01T02%3A00%3A00Z&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery&policy=fam");
        var heading = Page.Locator("table.decisions thead th.policy");
        await Expect(heading).ToContainTextAsync("Family, current version");
        await Expect(heading.Locator("small.zone")).ToHaveTextAsync("days in the written offset");
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await Page.GetByLabel("Time zone").FillAsync("America/Los_Angeles");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("timezone=America%2FLos_Angeles"));
        await Expect(heading).ToContainTextAsync("version fam-2020: Family, first version");
        await Expect(heading.Locator("small.zone")).ToHaveTextAsync("days in America/Los_Angeles");
        await Expect(Page.Locator("#placement")).ToContainTextAsync("Booking placed in America/Los_Angeles");

        await Page.GetByLabel("Time zone").FillAsync("Pacific/Atlantis");
        var error = Page.Locator("#timezone + p.error#error-timezone");
        await Expect(error).ToContainTextAsync("`Pacific/Atlantis` is not an IANA time zone");
        await Expect(Page.Locator("#timezone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#problems a[href='#timezone']")).ToHaveTextAsync("Time zone");
        await Expect(Page.Locator("table.decisions")).ToHaveCountAsync(0);
        Assert.That(await Page.EvaluateAsync<bool?>("() => window.__sameDocument"), Is.True, "the live script answered each time");
    }

    [Test]
    public async Task ABadTime_ItsMessageBesideTheField_TheFocusStaysThere()
    {
        AllowHalfTypedBookings();
        const string bad = "2025-01-17 half past nine";
        var expected = LoaderProblems.Of($"booked_at: {JsonSerializer.Serialize(bad)}\ncharges: [ {{ offense: robbery, level: felony, category: robbery }} ]\n", "booked_at");
        await Open(Robbery);
        await Expect(Page.Locator("table.decisions")).ToBeVisibleAsync();

        var field = Page.Locator("#booked_at");
        await field.FocusAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.PressAsync("Backspace");
        await Page.Keyboard.TypeAsync(bad);

        // The message right after the field, the field marked invalid and still the one being typed in.
        var error = Page.Locator("#booked_at + p.error#error-booked_at");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveTextAsync(expected);
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", "error-booked_at");
        await Expect(field).ToBeFocusedAsync();
        await Expect(Page.Locator("#problems")).ToBeVisibleAsync();
        await Expect(Page.Locator("table.decisions")).ToHaveCountAsync(0);
        await Expect(field).ToHaveValueAsync(bad);

        // Corrected in place: the message goes, the answers come back.
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("2025-01-17T09:30:00-08:00");
        await Expect(Page.Locator("table.decisions")).ToBeVisibleAsync();
        await Expect(Page.Locator("#error-booked_at")).ToHaveCountAsync(0);
        await Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToBeFocusedAsync();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task TheEvaluateButton_KeepsTheColumnsInTheOrderShown(bool script)
    {
        // The link asks for refusing before holding; the select lists holding first (by id).
        var page = await OpenPage(1280, 900, script);
        var evaluate = new EvaluatePage(page);
        await Open(Robbery.Replace("&policy=charging&policy=cited", "&policy=refusing&policy=holding", StringComparison.Ordinal), page);
        Assert.That(await evaluate.Policies(), Is.EqualTo(new[] { "refusing", "holding" }));

        // A policy added, a detainer withdrawn, then the button: the form is sent whole, the shown columns first, the new one after.
        await page.Locator("#policy").SelectOptionAsync(["charging", "holding", "refusing"]);
        await page.Locator("#detainer_form").SelectOptionAsync(string.Empty);
        await page.Locator("#detainer_warrant").SelectOptionAsync(string.Empty);
        if (script)
        {
            await evaluate.Settled();
        }

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Evaluate" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("charge1_category=robbery"));
        await Expect(page.Locator("table.decisions")).ToBeVisibleAsync();
        Assert.That(await evaluate.Policies(), Is.EqualTo(new[] { "refusing", "holding", "charging" }));

        // Without a detainer neither hold rule speaks: the template's default.
        await evaluate.ExpectAnswer("delay_release", "holding", "unknown");
        await evaluate.ExpectAnswer("notify_ice", "charging", "required");
    }

    [Test]
    public async Task SevenCharges_AChargeAddedWithTheMouse_ARowInPlace_TypedInto_TheAnswerChanges()
    {
        AllowHalfTypedBookings();
        await Open(EvaluatePage.SevenCharges);
        await Evaluate.ExpectAnswer("notify_ice", "charging", "unknown");
        await Evaluate.ExpectAnswer("delay_release", "holding", "required");
        await Expect(Evaluate.Rows("charge")).ToHaveCountAsync(8);
        await Expect(Page.Locator("#charge7_statute")).ToHaveValueAsync("NRS 484B.653");
        await Screenshot("evaluate-seven");

        // A click adds a ninth row in place, its first field labelled and focused; typed into, the answers follow.
        await Page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add a charge" }).ClickAsync();
        await Expect(Evaluate.Rows("charge")).ToHaveCountAsync(9);
        await Expect(Page.GetByLabel("Charge 9 offense", new PageGetByLabelOptions { Exact = true })).ToBeFocusedAsync();
        await Expect(Evaluate.Rows("charge").Nth(8).Locator("th")).ToHaveTextAsync("9");
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Charge row 9 added.");
        await Page.Keyboard.TypeAsync("armed robbery");
        await Page.GetByLabel("Charge 9 statute", new PageGetByLabelOptions { Exact = true }).FillAsync("NRS 200.380");
        await Page.GetByLabel("Charge 9 level", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("felony");
        await Page.GetByLabel("Charge 9 category", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("robbery");

        await Evaluate.ExpectAnswer("notify_ice", "charging", "required");
        await Evaluate.Settled();
        Assert.That(await Page.EvaluateAsync<bool?>("() => window.__sameDocument"), Is.True, "the row was added and answered without the form being sent");
        Assert.That(new Uri(Page.Url).Query, Does.Contain("charge9_statute=NRS+200.380").Or.Contain("charge9_statute=NRS%20200.380"));

        // The address reproduces it: the nine charges, the statute typed, the same answers.
        var fresh = await OpenPage(1280, 900);
        await fresh.GotoAsync(Page.Url);
        var again = new EvaluatePage(fresh);
        await again.ExpectAnswer("notify_ice", "charging", "required");
        await Expect(fresh.Locator("#charge9_statute")).ToHaveValueAsync("NRS 200.380");
        await Expect(again.Rows("charge")).ToHaveCountAsync(10);
    }

    [Test]
    public async Task ARowAdded_FromTheKeyboard_EnterAndSpaceOnTheButton_TheFocusInTheNewRow_AndEnterInAFieldStillEvaluates()
    {
        AllowHalfTypedBookings();
        await Open("/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=speeding&charge1_level=misdemeanor&charge1_category=traffic&policy=charging");
        await Evaluate.ExpectAnswer("notify_ice", "charging", "unknown");
        await Expect(Evaluate.Rows("charge")).ToHaveCountAsync(5);

        // After the last row's last field, Tab reaches the button; Enter adds the row and moves into it.
        await Page.Locator("#charge5_category").FocusAsync();
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#add-charge")).ToBeFocusedAsync();
        Assert.That(await Focus.Outline(Page), Is.Not.Null, "the button's focus is drawn");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#charge6_offense")).ToBeFocusedAsync();

        // The row filled from the keyboard, field after field in the order shown: offense, statute, level, category.
        await Page.Keyboard.TypeAsync("robbery");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#charge6_statute")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("NRS 200.380");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("felony");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync("robbery");
        await Expect(Page.Locator("#charge6_level")).ToHaveValueAsync("felony");
        await Expect(Page.Locator("#charge6_category")).ToHaveValueAsync("robbery");
        await Evaluate.ExpectAnswer("notify_ice", "charging", "required");
        await Evaluate.Settled();

        // On from the new row to the button again, Space this time.
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.Locator("#add-charge")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync(" ");
        await Expect(Page.Locator("#charge7_offense")).ToBeFocusedAsync();
        await Expect(Evaluate.Rows("charge")).ToHaveCountAsync(7);
        await Expect(Page.Locator("#live")).ToHaveTextAsync("Charge row 7 added.");

        // Enter in a field sends the form to be evaluated, not for another row.
        await Page.Locator("#charge1_offense").FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("charge7_offense=&"));
        Assert.That(Page.Url, Does.Not.Contain("add="));
        await Evaluate.ExpectAnswer("notify_ice", "charging", "required");
        await Expect(Evaluate.Rows("charge")).ToHaveCountAsync(7);
    }

    [Test]
    public async Task WithoutScript_AddACharge_SendsTheFormForOneMoreRow_TheFocusInIt()
    {
        var page = await OpenPage(1280, 900, script: false);
        var evaluate = new EvaluatePage(page);
        await Open("/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=speeding&charge1_level=misdemeanor&charge1_category=traffic&policy=charging", page);
        await evaluate.ExpectAnswer("notify_ice", "charging", "unknown");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add a charge" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("add=charge"));
        await Expect(evaluate.Rows("charge")).ToHaveCountAsync(6);
        await Expect(page.Locator("#charge6_offense")).ToBeFocusedAsync();
        await Expect(page.Locator("#charge1_offense")).ToHaveValueAsync("speeding");

        await page.Keyboard.TypeAsync("robbery");
        await page.Locator("#charge6_level").SelectOptionAsync("felony");
        await page.Locator("#charge6_category").SelectOptionAsync("robbery");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Evaluate", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("charge6_category=robbery"));
        await evaluate.ExpectAnswer("notify_ice", "charging", "required");
        await Expect(evaluate.Rows("charge")).ToHaveCountAsync(7);
    }

    [Test]
    public async Task APolicyThatCannotDecide_SaidOnThePage_BesideThePolicies()
    {
        // Each file loads (validate passes them), but on 2025-01-17 both versions of the family `st` are in force by their
        // written dates, so `town`, bound by st, cannot tell which binds it: the command line refuses that booking (DR202).
        (string Id, string Text)[] files =
        [
            ("st-old", FixturePolicies.Policy("st-old", "State, old act", "  []", "family: st\neffective: { from: 2019-01-01, until: 2025-12-31 }")),
            ("st", FixturePolicies.Policy("st", "State, new act", "  []", "family: st\neffective: { from: 2024-01-01 }")),
            ("town", FixturePolicies.Policy("town", "Town bound by the state", "  []", "bound_by: [st]")),
        ];
        foreach (var (id, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(Bench.Rules, id + ".yaml"), text);
        }

        try
        {
            var scenario = Path.Combine(Bench.Folder, "town-booking.yaml");
            await File.WriteAllTextAsync(scenario, "booked_at: 2025-01-17T09:30:00-08:00\ncharges: [ { offense: robbery, level: felony, category: robbery } ]\n");
            var cli = Bench.Cli("evaluate", "-p", "town", scenario);
            Assert.That(cli.Exit, Is.Not.Zero);
            var said = cli.Err[(cli.Err.IndexOf("bound_by: ", StringComparison.Ordinal) + "bound_by: ".Length)..].Trim();
            Assert.That(said, Does.StartWith("more than one version of `st` may have been in force on 2025-01-17"));

            AllowConsole("the server responded with a status of 400");
            AllowConsole("400 for " + Bench.Url("/evaluate?"));
            var response = await Open("/evaluate?booked_at=2025-01-17T09%3A30%3A00-08%3A00&charge1_offense=robbery&charge1_level=felony&charge1_category=robbery&policy=holding&policy=town");
            Assert.That(await response!.HeaderValueAsync("content-type"), Does.StartWith("text/html"), "a page, not the API's problem details");
            await Expect(Page.Locator("#problems")).ToBeVisibleAsync();
            await Expect(Page.Locator("#policy ~ p.error#error-policy")).ToContainTextAsync(said);
            await Expect(Page.Locator("form#booking")).ToBeVisibleAsync();
            await Expect(Page.Locator("#charge1_offense")).ToHaveValueAsync("robbery");
            await Screenshot("evaluate-policy-problem");

            // Dropping the policy from the choice, the live script answers for the rest.
            await Page.Locator("#policy").SelectOptionAsync(["holding"]);
            await Expect(Page.Locator("table.decisions")).ToBeVisibleAsync();
            await Expect(Page.Locator("#error-policy")).ToHaveCountAsync(0);
        }
        finally
        {
            foreach (var (id, _) in files)
            {
                File.Delete(Path.Combine(Bench.Rules, id + ".yaml"));
            }
        }
    }
}
