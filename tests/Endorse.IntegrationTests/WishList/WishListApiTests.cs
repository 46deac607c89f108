using System.Net;
using Endorse.Advocates;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Readiness;
using Endorse.Users;
using Endorse.WishList;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.WishList;

public class WishListApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_rep_wishes_the_manager_works_it_and_the_rep_is_told_once_when_it_comes_true(string database)
    {
        await using var app = new EndorseApp(database);
        var repUser = await app.CreateUserAsync(Roles.SalesRep);
        var rep = app.ClientWithToken(await app.CreateTokenAsync(repUser.Id));
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var account = await app.AddCustomerAsync("Umbrella Health");
        var contact = await app.AddPersonAsync(account, "Ursula", "Umbrella");

        var created = await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = account, dealOrSegment = "Mid-market hospitals in DACH", value = 250000, currency = "eur", why = "Their CIO speaks at every conference." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var wish = await created.ReadJsonAsync();
        var id = (int)wish["id"]!;
        Assert.Equal("Wished", (string)wish["stage"]!);
        Assert.Equal("EUR", (string)wish["currency"]!);
        Assert.Equal(repUser.DisplayName, (string)wish["wisherName"]!);

        // The rep may not work the pipeline; the reference manager does.
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PutJsonAsync($"/api/v1/wish-list/{id}/pipeline", new { stage = "Approaching" })).StatusCode);
        var worked = await manager.PutJsonAsync($"/api/v1/wish-list/{id}/pipeline", new { stage = "Approaching", ownerId = managerUser.Id, nextStep = "Lunch with the CIO", nextStepDue = SourcingTestData.Today.AddDays(7), updatedAt = (DateTimeOffset)wish["updatedAt"]! });
        Assert.Equal(HttpStatusCode.OK, worked.StatusCode);
        var workedWish = await worked.ReadJsonAsync();
        Assert.Equal("Approaching", (string)workedWish["stage"]!);
        Assert.Equal(managerUser.DisplayName, (string)workedWish["ownerName"]!);
        var stale = await manager.PutJsonAsync($"/api/v1/wish-list/{id}/pipeline", new { stage = "Nominated", updatedAt = (DateTimeOffset)wish["updatedAt"]! });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var byHand = await manager.PutJsonAsync($"/api/v1/wish-list/{id}/pipeline", new { stage = "Advocate" });
        Assert.Equal(HttpStatusCode.BadRequest, byHand.StatusCode);

        // Lists filter and export.
        var mine = await (await rep.GetAsync("/api/v1/wish-list?wisherId=me&openOnly=true&search=umbr")).ReadJsonAsync();
        Assert.Equal(id, (int)mine["items"]![0]!["id"]!);
        Assert.Equal(0, (int)(await (await rep.GetAsync("/api/v1/wish-list?stage=Parked")).ReadJsonAsync())["total"]!);
        Assert.Contains("Mid-market hospitals in DACH", await rep.GetStringAsync("/api/v1/wish-list/export.csv"), StringComparison.Ordinal);
        var summary = await (await rep.GetAsync("/api/v1/wish-list/summary")).ReadJsonAsync();
        Assert.Equal(1, (int)summary.AsArray().Single(s => (string)s!["stage"]! == "Approaching")!["wishes"]!);

        // A contact of the account becomes an advocate: the watch closes the wish and tells the rep, once.
        var advocate = await app.EnrolAsync(contact, AdvocateStatus.Active);
        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<WishListService>();
            Assert.Equal(1, await service.CheckConversionsAsync());
            Assert.Equal(0, await service.CheckConversionsAsync());
        }

        var done = await (await rep.GetAsync($"/api/v1/wish-list/{id}")).ReadJsonAsync();
        Assert.Equal("Advocate", (string)done["stage"]!);
        Assert.Equal(advocate, (int)done["advocateId"]!);
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == repUser.Id).ToListAsync());
        var notice = Assert.Single(told);
        Assert.Equal("Your wish came true: Umbrella Health is now a reference", notice.Title);
        Assert.Equal($"/advocates/{advocate}", notice.Link);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboundMails.CountAsync(m => m.To == repUser.Email)));

        // Every change is audited.
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "WishListEntry").Select(a => a.Action).ToListAsync());
        Assert.Equal(["Created", "Updated", "Updated"], audit);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_wish_for_a_reference_a_prospect_or_a_wished_account_is_refused_and_changes_nothing(string database)
    {
        await using var app = new EndorseApp(database);
        var repUser = await app.CreateUserAsync(Roles.SalesRep);
        var rep = app.ClientWithToken(await app.CreateTokenAsync(repUser.Id));
        var reference = await app.AddCustomerAsync("Already Referenced");
        await app.EnrolAsync(await app.AddPersonAsync(reference, "Ada", "Active"), AdvocateStatus.Active);
        var prospect = await app.AddCustomerAsync("Prospect Ltd", sinceDaysAgo: null);
        var wished = await app.AddCustomerAsync("Wished Inc");

        var refused = await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = reference, dealOrSegment = "Banks" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("Already Referenced is already a reference: Ada Active is an active advocate", (string)(await refused.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);

        var notCustomer = await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = prospect, dealOrSegment = "Banks" });
        Assert.Equal(HttpStatusCode.Conflict, notCustomer.StatusCode);
        Assert.Equal("Prospect Ltd is a prospect, not a customer: only customers can be wished for as references.", (string)(await notCustomer.ReadJsonAsync())["detail"]!);

        Assert.Equal(HttpStatusCode.Created, (await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = wished, dealOrSegment = "Retail" })).StatusCode);
        var twice = await (await app.ClientForAsync(Roles.SalesManager)).PostJsonAsync("/api/v1/wish-list", new { accountId = wished, dealOrSegment = "Retail again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.StartsWith("Wished Inc is already on the wish list: wish #", (string)(await twice.ReadJsonAsync())["detail"]!, StringComparison.Ordinal);

        var noDeal = await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = wished });
        Assert.Equal(HttpStatusCode.BadRequest, noDeal.StatusCode);
        var noCurrency = await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = reference, dealOrSegment = "x", value = 10 });
        Assert.Contains("currency", (await noCurrency.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.PostJsonAsync("/api/v1/wish-list", new { accountId = 999999, dealOrSegment = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.GetAsync("/api/v1/wish-list?sort=random")).StatusCode);

        Assert.Equal(1, await app.WithDbAsync(db => db.WishListEntries.CountAsync()));

        // A rep removes their own wish while nobody has worked it; not someone else's.
        var id = await app.WithDbAsync(db => db.WishListEntries.Select(w => w.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).DeleteAsync($"/api/v1/wish-list/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await rep.DeleteAsync($"/api/v1/wish-list/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.WishListEntries.CountAsync()));
    }
}
