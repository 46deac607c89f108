using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Formatting;
using Endorse.Users;
using Ical.Net;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>
/// One slot, two zones: a requester whose browser is in Los Angeles and an advocate in Berlin each see the same call in
/// their own time, and the calendar invitation in the mail carries the event in the advocate's zone.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class TimeZoneTests(BrowserApp app)
{
    private const string LosAngeles = "America/Los_Angeles";
    private const string Berlin = "Europe/Berlin";
    private static readonly string[] ReferenceCalls = ["ReferenceCall"];

    [Fact]
    public async Task A_viewer_in_los_angeles_and_an_advocate_in_berlin_see_the_same_slot_each_in_their_own_zone()
    {
        var word = Api.UniqueWord("Tz");
        var repEmail = $"lena.{word}@vendor.example".ToLowerInvariant();
        var advocateEmail = $"greta.{word}@customer.example".ToLowerInvariant();
        var prospect = $"Pacific {word} Inc";
        int requestId;
        using (var admin = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.Administrator)))
        {
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = repEmail, displayName = $"Lena {word}", roles = new[] { Roles.SalesRep }, password = "Time-zones-1" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        using (var manager = await app.Server.ApiClientForAsync(DemoUser.EmailOf(Roles.ReferenceManager)))
        {
            var accountId = await CreateAsync(manager, "/api/v1/accounts", new { name = $"Berliner {word} GmbH", disclosurePermission = "NamedPublic", country = "Germany" });
            var contactId = await CreateAsync(manager, "/api/v1/contacts", new { accountId, firstName = "Greta", lastName = word, title = "Head of Operations", email = advocateEmail, language = "German" });
            var advocateId = await CreateAsync(manager, "/api/v1/advocates", new { contactId, activityTypes = ReferenceCalls, languages = "de, English" });
            Assert.True((await manager.PostAsJsonAsync($"/api/v1/advocates/{advocateId}/status", new { status = "Active", reason = "Agreed" })).IsSuccessStatusCode);

            using var rep = await app.Server.ApiClientForAsync(repEmail);
            requestId = await CreateAsync(rep, "/api/v1/requests", new { prospectName = prospect, activityType = "ReferenceCall", language = "German", neededBy = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd") });
            var proposed = await manager.PostAsJsonAsync($"/api/v1/requests/{requestId}/participants", new { advocateIds = new[] { advocateId } });
            Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        }

        // The advocate, in Berlin, opens the link: the page offers their browser's zone and takes times in it.
        var ask = await Outbox.WaitForAsync(app.Server.OutboxFolder, advocateEmail, "Could you help");
        var link = LinkPattern().Match(ask.TextBody ?? string.Empty).Value;
        var advocate = await app.NewPageAsync(390, 844, Berlin);
        await advocate.GotoAsync(link);
        await Expect(advocate.GetByTestId("respond-zone")).ToHaveValueAsync(Berlin);
        var day = DateTime.UtcNow.Date.AddDays(14);
        var berlinWallClock = day.AddHours(15);
        var slot = TimeZones.FromLocal(berlinWallClock, Berlin);
        await advocate.Locator("#slot1").FillAsync(berlinWallClock.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await advocate.GetByTestId("accept").ClickAsync();
        var berlinFormat = PersonalFormat.Of(Berlin);
        await Expect(advocate.GetByTestId("respond-offered")).ToContainTextAsync(berlinFormat.Slot(slot));
        await BrowserApp.ScreenshotAsync(advocate, "respond-offered-berlin");

        // The requester signs in from Los Angeles: their first visit takes the browser's zone, and the offered time reads in it.
        var viewer = await app.NewPageAsync(timeZoneId: LosAngeles);
        await (await new SignInPage(viewer).OpenAsync()).SignInAsync(repEmail, "Time-zones-1");
        // The layout marks the page interactive once the person's zone is known: after the one reload that takes the browser's.
        await viewer.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Session.OpenAsync(viewer, $"/requests/{requestId}");
        var losAngelesFormat = PersonalFormat.Of(LosAngeles);
        var book = viewer.GetByTestId("slot").First;
        await Expect(book).ToContainTextAsync(losAngelesFormat.Slot(slot));
        Assert.EndsWith(slot.Month is >= 4 and <= 10 ? "PDT" : "PST", losAngelesFormat.Slot(slot), StringComparison.Ordinal);
        var joining = viewer.GetByLabel("How to join (video link, phone or address)");
        await joining.FillAsync("https://meet.example/greta; dial-in +49 30 1234");
        await joining.BlurAsync();
        await RequestDetailsPage.ClickUntilAsync(book, viewer.GetByTestId("participant-scheduled"));
        await Expect(viewer.GetByTestId("participant-scheduled")).ToContainTextAsync(losAngelesFormat.Slot(slot));
        await BrowserApp.ScreenshotAsync(viewer, "request-scheduled-los-angeles");

        // The profile shows the zone taken from the browser.
        await Session.OpenAsync(viewer, "/profile");
        await Expect(viewer.GetByLabel("Time zone")).ToHaveValueAsync(new Regex("^America/Los Angeles"));
        await BrowserApp.ScreenshotAsync(viewer, "profile");

        // The invitations: each mail says the time in its reader's zone; the .ics has the event in Berlin's zone.
        var advocateInvite = await Outbox.WaitForAsync(app.Server.OutboxFolder, advocateEmail, "Booked:");
        var repInvite = await Outbox.WaitForAsync(app.Server.OutboxFolder, repEmail, "Booked:");
        Assert.Equal($"Booked: reference call with {prospect}, {berlinFormat.Slot(slot)}", advocateInvite.Subject);
        Assert.Equal($"Booked: reference call with {prospect}, {losAngelesFormat.Slot(slot)}", repInvite.Subject);
        var ics = await IcsAsync(advocateInvite);
        var calendar = Calendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(slot.UtcDateTime, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(Berlin, calendarEvent.DtStart.TzId);
        Assert.Equal(berlinWallClock, calendarEvent.DtStart.Value);
        Assert.Contains(calendar.TimeZones, z => z.TzId == Berlin);
        Assert.Equal($"Reference call with {prospect}: Greta {word} (Berliner {word} GmbH)", calendarEvent.Summary);
        Assert.Contains($"Prospect: {prospect}", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Contains("Purpose: ", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Contains("How to join: https://meet.example/greta; dial-in +49 30 1234", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Equal("https://meet.example/greta; dial-in +49 30 1234", calendarEvent.Location);
        Assert.Contains(calendarEvent.Attendees, a => a.Value!.ToString() == "mailto:" + advocateEmail);
        Assert.Contains(calendarEvent.Attendees, a => a.Value!.ToString() == "mailto:" + repEmail);
        Assert.Equal(ics, await IcsAsync(repInvite));
    }

    private static async Task<string> IcsAsync(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.FileName == "invite.ics");
        using var stream = new MemoryStream();
        await part.Content!.DecodeToAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<int> CreateAsync(HttpClient api, string url, object body)
    {
        var response = await api.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    [GeneratedRegex(@"http://[^\s]+/respond/[A-Za-z0-9_\-]{43}")]
    private static partial Regex LinkPattern();
}
