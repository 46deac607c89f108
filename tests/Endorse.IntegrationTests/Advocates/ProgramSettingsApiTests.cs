using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Advocates;

public class ProgramSettingsApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_fatigue_policy_is_validated_saved_and_audited(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.ReferenceManager);

        var defaults = await (await client.GetAsync("/api/v1/program-settings")).ReadJsonAsync();
        Assert.Equal(14, defaults["fatiguePolicy"]!["coolDownDays"]!.GetValue<int>());
        Assert.Equal(3, defaults["fatiguePolicy"]!["advocateCaps"]![0]!["limit"]!.GetValue<int>());
        Assert.Equal("Managed", defaults["fulfilmentModes"]!["ReferenceCall"]!.GetValue<string>());

        var negative = await client.PutJsonAsync("/api/v1/program-settings/fatigue-policy", new
        {
            advocateCaps = new[] { new { activityType = (string?)null, limit = -1, windowDays = 90 } },
            accountCaps = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.NotNull((await negative.ReadJsonAsync())["errors"]!["AdvocateCaps[0].Limit"]);

        var saved = await client.PutJsonAsync("/api/v1/program-settings/fatigue-policy", new
        {
            advocateCaps = new[] { new { activityType = (string?)null, limit = 5, windowDays = 180 } },
            accountCaps = new[] { new { activityType = "ReferenceCall", limit = 2, windowDays = 90 } },
            coolDownDays = 7,
            restOnOpenEscalation = true,
            minimumNps = 10,
            minimumCsat = (int?)null,
            renewalQuietDays = 45,
            restOnNoPublicity = true,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await (await client.GetAsync("/api/v1/program-settings")).ReadJsonAsync();
        Assert.Equal(7, after["fatiguePolicy"]!["coolDownDays"]!.GetValue<int>());
        Assert.Equal(5, after["fatiguePolicy"]!["advocateCaps"]![0]!["limit"]!.GetValue<int>());
        Assert.Equal("ReferenceCall", after["fatiguePolicy"]!["accountCaps"]![0]!["activityType"]!.GetValue<string>());
        Assert.Null(after["fatiguePolicy"]!["minimumCsat"]);

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "ProgramSettings" && e.Action == "FatiguePolicyChanged").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("1", entry.EntityId);
        Assert.Contains("\"coolDownDays\":7", entry.Changes, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Match_weights_and_fulfilment_modes_are_validated(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Administrator);

        var zeros = new Dictionary<string, double>
        {
            ["product"] = 0,
            ["sector"] = 0,
            ["region"] = 0,
            ["size"] = 0,
            ["seniority"] = 0,
            ["language"] = 0,
            ["activityType"] = 0,
            ["satisfaction"] = 0,
            ["tenure"] = 0,
            ["seniorityTier"] = 0,
            ["feedback"] = 0,
            ["fatigueHeadroom"] = 0,
            ["rotation"] = 0,
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutJsonAsync("/api/v1/program-settings/match-weights", zeros)).StatusCode);
        zeros["product"] = -3;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutJsonAsync("/api/v1/program-settings/match-weights", zeros)).StatusCode);
        zeros["product"] = 50;
        var ok = await client.PutJsonAsync("/api/v1/program-settings/match-weights", zeros);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(50, (await ok.ReadJsonAsync())["matchWeights"]!["product"]!.GetValue<double>());

        var modes = await client.PutJsonAsync("/api/v1/program-settings/fulfilment-modes", new Dictionary<string, string> { ["ReferenceCall"] = "SelfServe" });
        Assert.Equal(HttpStatusCode.OK, modes.StatusCode);
        var after = await (await client.GetAsync("/api/v1/program-settings")).ReadJsonAsync();
        Assert.Equal("SelfServe", after["fulfilmentModes"]!["ReferenceCall"]!.GetValue<string>());
        Assert.Equal("Managed", after["fulfilmentModes"]!["SiteVisit"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendRawJsonAsync(HttpMethod.Put, "/api/v1/program-settings/fulfilment-modes", """{"ReferenceCall":"Sometimes"}""")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ProgramSettings")));
    }
}
