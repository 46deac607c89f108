using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;

namespace Endorse.IntegrationTests.Profile;

public class PreferencesApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_person_reads_and_changes_their_own_zone_and_formats(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.SalesRep);

        var initial = await (await client.GetAsync("/api/v1/users/me/preferences")).ReadJsonAsync();
        Assert.Equal("UTC", (string?)initial["timeZone"]);
        Assert.False((bool)initial["timeZoneChosen"]!);

        var changed = await client.PutAsync("/api/v1/users/me/preferences", System.Net.Http.Json.JsonContent.Create(new { timeZone = "Asia/Calcutta", dateStyle = "Iso", hour12 = true }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.ReadJsonAsync();
        Assert.Equal("Asia/Kolkata", (string?)body["timeZone"]);
        Assert.True((bool)body["timeZoneChosen"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}, \d{1,2}:\d{2} (AM|PM) IST$", (string?)body["example"]);

        // A zone nobody knows is refused by name and changes nothing.
        var bad = await client.PutAsync("/api/v1/users/me/preferences", System.Net.Http.Json.JsonContent.Create(new { timeZone = "Mars/Olympus", dailyDigest = true }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Mars/Olympus", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await (await client.GetAsync("/api/v1/users/me/preferences")).ReadJsonAsync();
        Assert.Equal("Asia/Kolkata", (string?)after["timeZone"]);
        Assert.False((bool)after["dailyDigest"]!);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Languages_are_taken_by_name_or_code_and_unknown_ones_refused(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.SalesRep);
        var neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var german = await client.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy, language = "Deutsch" });
        Assert.Equal(HttpStatusCode.Created, german.StatusCode);
        Assert.Equal("de", (string?)(await german.ReadJsonAsync())["language"]);

        var klingon = await client.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy, language = "Klingon" });
        Assert.Equal(HttpStatusCode.BadRequest, klingon.StatusCode);
        Assert.Contains("“Klingon” is not a language Endorse knows", await klingon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
