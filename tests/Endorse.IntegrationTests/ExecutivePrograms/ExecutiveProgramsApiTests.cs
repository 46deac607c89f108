using System.Net;
using Endorse.ExecutivePrograms;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Readiness;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.ExecutivePrograms;

public class ExecutiveProgramsApiTests
{
    private static readonly int[] UnknownMember = [999_999];

    private static DateOnly Today => SourcingTestData.Today;

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_program_records_members_events_and_commitments_tracked_to_delivery_with_reminders(string database)
    {
        await using var app = new EndorseApp(database);
        var marketing = await app.ClientForAsync(Roles.Marketing);
        var execUser = await app.CreateUserAsync(Roles.Executive);
        var customer = await app.AddCustomerAsync("Acme Bank");
        var cio = await app.AddPersonAsync(customer, "Cora", "Cio", Endorse.Contacts.SeniorityTier.CLevel, "CIO");
        var prospect = await app.AddCustomerAsync("Prospect Bank", sinceDaysAgo: null);
        var prospectCfo = await app.AddPersonAsync(prospect, "Pia", "Prospect", Endorse.Contacts.SeniorityTier.CLevel);

        var created = await marketing.PostJsonAsync("/api/v1/executive-programs", new { name = "CIO Peering Circle", kind = "Peering", description = "Our CIO meets theirs.", ownerId = execUser.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var programId = (int)(await created.ReadJsonAsync())["id"]!;
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.PostJsonAsync("/api/v1/executive-programs", new { name = "cio peering circle", kind = "Club" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(Roles.SalesRep)).PostJsonAsync("/api/v1/executive-programs", new { name = "Rep club", kind = "Club" })).StatusCode);

        var member = await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/members", new { contactId = cio, companyExecutiveId = execUser.Id });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        var memberId = (int)(await member.ReadJsonAsync())["id"]!;
        var again = await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/members", new { contactId = cio, companyExecutiveId = execUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Cora Cio is already a member of this program.", (string)(await again.ReadJsonAsync())["detail"]!);
        var notCustomer = await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/members", new { contactId = prospectCfo, companyExecutiveId = execUser.Id });
        Assert.Equal(HttpStatusCode.Conflict, notCustomer.StatusCode);
        Assert.Equal("Prospect Bank is a prospect, not a customer: only customers' executives can join an executive program.", (string)(await notCustomer.ReadJsonAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/members", new { contactId = cio })).StatusCode);

        var ev = await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/events", new { title = "Spring dinner", heldOn = Today.AddDays(-3), location = "London", attendeeMemberIds = new[] { memberId } });
        Assert.Equal(HttpStatusCode.Created, ev.StatusCode);
        Assert.Equal(["Cora Cio"], (await ev.ReadJsonAsync())["attendees"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/events", new { title = "x", heldOn = Today, attendeeMemberIds = UnknownMember })).StatusCode);

        var commitment = await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/commitments", new { memberId, kind = "Blog", description = "Why we moved to the cloud", dueOn = Today.AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, commitment.StatusCode);
        var commitmentJson = await commitment.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await marketing.PostJsonAsync($"/api/v1/executive-programs/{programId}/commitments", new { memberId, kind = "Blog", dueOn = Today.AddDays(-3) })).StatusCode);

        // The member is a senior candidate in discovery, with the program as a reason.
        var discovery = await (await marketing.GetAsync("/api/v1/discovery?executivesOnly=true")).ReadJsonAsync();
        var cora = Assert.Single(discovery["candidates"]!.AsArray())!;
        Assert.Equal("Member of the CIO Peering Circle (peering program).", (string)cora["factors"]!.AsArray().Single(f => (string)f!["factor"]! == "ExecutiveProgram")!["explanation"]!);

        // The daily reminders tell the paired executive (also the program's owner) once.
        using (var scope = app.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ExecutiveProgramService>();
            Assert.Equal(1, await service.SendRemindersAsync());
            Assert.Equal(0, await service.SendRemindersAsync());
        }

        var reminder = Assert.Single(await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == execUser.Id).ToListAsync()));
        Assert.Equal($"Commitment due {Today.AddDays(3):yyyy-MM-dd}: Cora Cio's blog (Why we moved to the cloud)", reminder.Title);

        // Delivered (with the version read after the reminder marked it: the one read before is stale); a second close is refused.
        var staleClose = await marketing.PutJsonAsync($"/api/v1/executive-commitments/{(int)commitmentJson["id"]!}", new { status = "Delivered", updatedAt = (DateTimeOffset)commitmentJson["updatedAt"]! });
        Assert.Equal(HttpStatusCode.Conflict, staleClose.StatusCode);
        var current = (await (await marketing.GetAsync($"/api/v1/executive-programs/{programId}")).ReadJsonAsync())["commitments"]![0]!;
        var delivered = await marketing.PutJsonAsync($"/api/v1/executive-commitments/{(int)commitmentJson["id"]!}", new { status = "Delivered", outcome = "https://blog.example/cloud", updatedAt = (DateTimeOffset)current["updatedAt"]! });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("Delivered", (string)(await delivered.ReadJsonAsync())["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await marketing.PutJsonAsync($"/api/v1/executive-commitments/{(int)commitmentJson["id"]!}", new { status = "Dropped", outcome = "x" })).StatusCode);
        var list = await (await marketing.GetAsync("/api/v1/executive-commitments?status=Delivered&search=acme")).ReadJsonAsync();
        Assert.Equal(1, (int)list["total"]!);
        Assert.Contains("https://blog.example/cloud", await marketing.GetStringAsync("/api/v1/executive-commitments/export.csv"), StringComparison.Ordinal);

        var details = await (await marketing.GetAsync($"/api/v1/executive-programs/{programId}")).ReadJsonAsync();
        Assert.Equal(1, (int)details["program"]!["members"]!);
        Assert.Single(details["events"]!.AsArray());
        var programs = await (await marketing.GetAsync("/api/v1/executive-programs?kind=Peering&search=cio")).ReadJsonAsync();
        Assert.Equal(1, (int)programs["total"]!);
        Assert.Contains("CIO Peering Circle", await marketing.GetStringAsync("/api/v1/executive-programs/export.csv"), StringComparison.Ordinal);
        Assert.Equal(
            ["ExecutiveProgram Created", "ExecutiveProgramMember Created", "ExecutiveProgramEvent Created", "ExecutiveCommitment Created", "ExecutiveCommitment Updated", "ExecutiveCommitment Updated"],
            await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType.StartsWith("Executive")).OrderBy(a => a.Id).Select(a => a.EntityType + " " + a.Action).ToListAsync()));
    }
}
