using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Readiness;
using Endorse.Onboarding;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Onboarding;

public class OnboardingApiTests
{
    private static DateOnly Today => SourcingTestData.Today;

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_new_customer_gets_a_plan_and_the_go_live_outcome_decides_whether_it_is_asked(string database)
    {
        await using var app = new EndorseApp(database);

        // These tests run the watch's work themselves: the scheduled watch would race them for the same plans.
        app.Settings["Scheduler:SourcingWatchEnabled"] = "false";
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var happy = await app.AddCustomerAsync("Happy Newco", sinceDaysAgo: 5);
        var happyContact = await app.AddPersonAsync(happy, "Hana", "Happy", Endorse.Contacts.SeniorityTier.Director);
        var unhappy = await app.AddCustomerAsync("Grumpy Newco", sinceDaysAgo: 10);
        await app.AddPersonAsync(unhappy, "Greg", "Grumpy", Endorse.Contacts.SeniorityTier.Director);
        await app.AddCustomerAsync("Old Customer", sinceDaysAgo: 900);
        await app.AddCustomerAsync("Prospect", sinceDaysAgo: null);

        // A recent customer-since date, but the CRM says the account has left: no plan.
        var former = await app.AddCustomerAsync("Churned Newco", sinceDaysAgo: 7, relationship: Endorse.Accounts.AccountRelationship.FormerCustomer);

        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<OnboardingService>();
            Assert.Equal(2, await service.EnsurePlansAsync());
            Assert.Equal(0, await service.EnsurePlansAsync());
        }

        Assert.False(await app.WithDbAsync(db => db.OnboardingPlans.AnyAsync(p => p.AccountId == former)));
        var refused = await manager.PostJsonAsync("/api/v1/onboarding/plans", new { accountId = former });
        Assert.Equal("Churned Newco is a former customer: only customers get a check-in plan.", (string)(await refused.ReadJsonAsync())["detail"]!);
        var notice = Assert.Single(await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == managerUser.Id).ToListAsync()));
        Assert.Equal("2 new customers: check-in plans made", notice.Title);

        var plan = await (await manager.GetAsync($"/api/v1/onboarding/plans/{happy}")).ReadJsonAsync();
        Assert.Equal(
            [("Introduction", Today.AddDays(9)), ("MidImplementation", Today.AddDays(55)), ("GoLive", Today.AddDays(115))],
            plan["checkIns"]!.AsArray().Select(c => ((string)c!["kind"]!, DateOnly.Parse((string)c["dueOn"]!, System.Globalization.CultureInfo.InvariantCulture))));
        var goLive = (int)plan["checkIns"]![2]!["id"]!;
        var intro = (int)plan["checkIns"]![0]!["id"]!;

        // The introduction is recorded; asking for an outcome there is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{intro}/complete", new { outcome = "Happy" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{intro}/complete", new { notes = "Met the project lead." })).StatusCode);
        var twice = await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{intro}/complete", new { notes = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.StartsWith($"This check-in was already recorded on {Today:yyyy-MM-dd}", (string)(await twice.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);

        // Go-live needs an outcome, and is not recorded in the future; a sales rep may not record it.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{goLive}/complete", new { notes = "fine" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{goLive}/complete", new { outcome = "Happy", completedOn = Today.AddDays(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).PostJsonAsync($"/api/v1/onboarding/check-ins/{goLive}/complete", new { outcome = "Happy" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{goLive}/complete", new { outcome = "Happy", notes = "Live and delighted" })).StatusCode);

        // Happy: a discovery candidate with "onboarded happily" among its reasons.
        var discovery = await (await manager.GetAsync("/api/v1/discovery")).ReadJsonAsync();
        var hana = discovery["candidates"]!.AsArray().Single(c => (int)c!["contactId"]! == happyContact)!;
        Assert.Equal($"Onboarded happily: the go-live check-in on {Today:yyyy-MM-dd} found the customer happy.", (string)hana["factors"]!.AsArray().Single(f => (string)f!["factor"]! == "OnboardedHappily")!["explanation"]!);

        // Unhappy: gated (not asked) with the reason, a follow-up planned; the relationship is kept.
        var grumpyPlan = await (await manager.GetAsync($"/api/v1/onboarding/plans/{unhappy}")).ReadJsonAsync();
        var grumpyGoLive = (int)grumpyPlan["checkIns"]![2]!["id"]!;
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{grumpyGoLive}/complete", new { outcome = "Unhappy" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{grumpyGoLive}/complete", new { outcome = "Unhappy", notes = "Data migration slipped twice" })).StatusCode);
        var readiness = await (await manager.GetAsync($"/api/v1/accounts/{unhappy}/readiness")).ReadJsonAsync();
        Assert.Equal(
            $"Unhappy at the go-live check-in (Data migration slipped twice): not asked from {Today:yyyy-MM-dd} to {Today.AddDays(179):yyyy-MM-dd}; next free on {Today.AddDays(180):yyyy-MM-dd}.",
            (string)readiness["readiness"]!["gates"]![0]!["sentence"]!);
        var after = await (await manager.GetAsync("/api/v1/discovery")).ReadJsonAsync();
        Assert.Contains(after["excluded"]!.AsArray(), e => (string)e!["accountName"]! == "Grumpy Newco");
        var followUp = (await (await manager.GetAsync($"/api/v1/onboarding/plans/{unhappy}")).ReadJsonAsync())["checkIns"]!.AsArray().Single(c => (string)c!["kind"]! == "FollowUp")!;
        Assert.Equal(Today.AddDays(179), DateOnly.Parse((string)followUp["dueOn"]!, System.Globalization.CultureInfo.InvariantCulture));

        // Happy at the follow-up: the gate is lifted and the customer becomes a candidate.
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{(int)followUp["id"]!}/complete", new { outcome = "Happy", notes = "Fixed, and they say so" })).StatusCode);
        Assert.True((bool)(await (await manager.GetAsync($"/api/v1/accounts/{unhappy}/readiness")).ReadJsonAsync())["readiness"]!["approachable"]!);

        // The task list filters and exports.
        var done = await (await manager.GetAsync("/api/v1/onboarding/check-ins?state=Done&search=happy")).ReadJsonAsync();
        Assert.Equal(2, (int)done["total"]!);
        Assert.Contains("Live and delighted", await manager.GetStringAsync("/api/v1/onboarding/check-ins/export.csv"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostJsonAsync("/api/v1/onboarding/plans", new { accountId = happy })).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Due_and_overdue_check_ins_are_announced_once_each(string database)
    {
        await using var app = new EndorseApp(database);

        // These tests run the watch's work themselves: the scheduled watch would race them for the same plans.
        app.Settings["Scheduler:SourcingWatchEnabled"] = "false";
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var account = await app.AddCustomerAsync("Newco", sinceDaysAgo: 3);

        // The scheduler's watch makes plans for new customers too (every minute, and at start-up): whichever comes first
        // makes the one plan, and the other is told it exists.
        var made = await manager.PostJsonAsync("/api/v1/onboarding/plans", new { accountId = account });
        Assert.True(made.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{made.StatusCode}: {await made.Content.ReadAsStringAsync()}");
        Assert.Equal(1, await app.WithDbAsync(db => db.OnboardingPlans.CountAsync(p => p.AccountId == account)));
        await app.WithDbAsync(async db =>
        {
            var checkIns = await db.CheckIns.OrderBy(c => c.Kind).ToListAsync();
            checkIns[0].DueOn = Today.AddDays(-2); // overdue
            checkIns[1].DueOn = Today.AddDays(1); // due within the notice days
            return await db.SaveChangesAsync();
        });

        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<OnboardingService>();
            Assert.Equal(2, await service.SendNoticesAsync());
            Assert.Equal(0, await service.SendNoticesAsync());
        }

        var titles = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == managerUser.Id).OrderBy(n => n.Title).Select(n => n.Title).ToListAsync());
        Assert.Equal(
            [$"Check-in due: Mid-implementation check with Newco on {Today.AddDays(1):yyyy-MM-dd}", $"Overdue check-in: Introduction after kick-off with Newco (due {Today.AddDays(-2):yyyy-MM-dd})"],
            titles);
        var counts = await (await manager.GetAsync("/api/v1/onboarding/counts")).ReadJsonAsync();
        Assert.Equal((1, 1), ((int)counts["due"]!, (int)counts["overdue"]!));

        // Moving a check-in lets its notice go out again for the new day.
        var overdue = (await (await manager.GetAsync("/api/v1/onboarding/check-ins?state=Overdue")).ReadJsonAsync())["items"]![0]!;
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{(int)overdue["id"]!}/reschedule", new { dueOn = Today.AddDays(-1) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostJsonAsync($"/api/v1/onboarding/check-ins/{(int)overdue["id"]!}/reschedule", new { dueOn = Today })).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OnboardingService>().SendNoticesAsync());
        }

        // Settings keep the check-ins in order.
        var bad = await manager.PutJsonAsync("/api/v1/onboarding/settings", new { introductionDays = 50, midImplementationDays = 20, goLiveDays = 90, newCustomerDays = 30, unhappyGateDays = 180, checkInNoticeDays = 3, commitmentReminderDays = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).PutJsonAsync("/api/v1/onboarding/settings", new { introductionDays = 1 })).StatusCode);
        var good = await manager.PutJsonAsync("/api/v1/onboarding/settings", new { introductionDays = 7, midImplementationDays = 30, goLiveDays = 60, newCustomerDays = 30, unhappyGateDays = 90, checkInNoticeDays = 2, commitmentReminderDays = 5 });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(7, (int)(await (await manager.GetAsync("/api/v1/onboarding/settings")).ReadJsonAsync())["introductionDays"]!);
    }
}
