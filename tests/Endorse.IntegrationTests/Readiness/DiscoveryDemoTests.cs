using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Readiness;

public class DiscoveryDemoTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_demo_data_shows_the_wish_list_gates_check_ins_executive_programs_and_hygiene_in_use(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var stages = await app.WithDbAsync(db => db.WishListEntries.Select(w => w.Stage).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<Endorse.WishList.WishStage>().Order(), stages.Order());

        var discovery = await (await manager.GetAsync("/api/v1/discovery")).ReadJsonAsync();
        Assert.True((int)discovery["candidateCount"]! > 100);
        Assert.True((int)discovery["profile"]!["fromBestUsedAdvocates"]! >= 10);
        var reasons = discovery["excludedByReason"]!.AsArray().Select(c => (string)c!["kind"]!).ToHashSet();
        foreach (var kind in new[] { "LowSatisfaction", "OpenEscalation", "BigBid", "Reorganisation", "RenewalSoon", "NoPublicity", "UnhappyOnboarding" })
        {
            Assert.Contains(kind, reasons);
        }

        var gates = await (await manager.GetAsync("/api/v1/gates")).ReadJsonAsync();
        Assert.Equal(["Active", "Lifted", "Upcoming"], gates["items"]!.AsArray().Select(g => (string)g!["state"]!).Distinct().Order());
        Assert.Equal(["OnHold", "Reorganisation", "UnhappyOnboarding"], gates["items"]!.AsArray().Select(g => (string)g!["kind"]!).Distinct().Order());

        var counts = await (await manager.GetAsync("/api/v1/onboarding/counts")).ReadJsonAsync();
        Assert.True((int)counts["due"]! >= 1, "a check-in is due");
        Assert.True((int)counts["overdue"]! >= 1, "a check-in is overdue");

        var programs = await (await manager.GetAsync("/api/v1/executive-programs")).ReadJsonAsync();
        var peering = programs["items"]!.AsArray().Single(p => (string)p!["kind"]! == "Peering")!;
        Assert.True((int)peering["members"]! >= 2);
        var details = await (await manager.GetAsync($"/api/v1/executive-programs/{(int)peering["id"]!}")).ReadJsonAsync();
        Assert.NotEmpty(details["events"]!.AsArray());
        var commitments = await (await manager.GetAsync("/api/v1/executive-commitments")).ReadJsonAsync();
        Assert.Contains(commitments["items"]!.AsArray(), c => (bool)c!["overdue"]!);

        var hygiene = await (await manager.GetAsync("/api/v1/hygiene")).ReadJsonAsync();
        Assert.True(hygiene["progress"]!.AsArray().Count >= 3, "the history shows progress");
        Assert.All(hygiene["questions"]!.AsArray(), q => Assert.NotNull(q!["current"]));
    }
}
