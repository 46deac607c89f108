using System.Net;
using System.Net.Http.Json;
using Endorse.Audit;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Listing;
using Endorse.Users;

namespace Endorse.IntegrationTests.Audit;

public class AuditApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_audit_log_filters_newest_first_and_exports_csv(string database)
    {
        await using var app = new EndorseApp(database);
        var adminUser = await app.CreateUserAsync(Roles.Administrator);
        var admin = app.ClientWithToken(await app.CreateTokenAsync(adminUser.Id));
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var other = await app.CreateUserAsync(Roles.SalesRep);
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);

        await admin.PutAsJsonAsync($"/api/v1/users/{rep.Id}", new { displayName = "Rep", roles = new[] { Roles.SalesRep, Roles.Marketing } });
        await admin.PutAsJsonAsync($"/api/v1/users/{rep.Id}", new { displayName = "Rep", roles = new[] { Roles.SalesRep, Roles.Marketing, Roles.Executive } });
        await admin.PutAsJsonAsync($"/api/v1/users/{other.Id}", new { displayName = "Other", roles = new[] { Roles.SalesRep, Roles.Marketing } });
        await admin.PostAsync($"/api/v1/users/{other.Id}/deactivate", null);

        var page = await (await admin.GetAsync($"/api/v1/audit?entityType=Role&action=RoleGranted&entityId={rep.Id}&userId={adminUser.Id}&from={Uri.EscapeDataString(start.ToString("O"))}")).ReadAsync<Page<AuditRow>>();
        Assert.Equal(2, page.Total);
        Assert.Contains(Roles.Executive, page.Items[0].Changes, StringComparison.Ordinal);
        Assert.Contains(Roles.Marketing, page.Items[1].Changes, StringComparison.Ordinal);
        Assert.Equal("Executive", Assert.Single(AuditChanges.Parse(page.Items[0].Changes), c => c.Field == "Role").To);

        var deactivations = await (await admin.GetAsync("/api/v1/audit?action=UserDeactivated")).ReadAsync<Page<AuditRow>>();
        Assert.Equal(other.Id, Assert.Single(deactivations.Items).EntityId);

        var future = await (await admin.GetAsync($"/api/v1/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}")).ReadAsync<Page<AuditRow>>();
        Assert.Empty(future.Items);
        var past = await (await admin.GetAsync($"/api/v1/audit?to={Uri.EscapeDataString(start.ToOffset(TimeSpan.FromHours(2)).ToString("O"))}")).ReadAsync<Page<AuditRow>>();
        Assert.DoesNotContain(past.Items, a => a.EntityId == rep.Id);

        var paged = await (await admin.GetAsync("/api/v1/audit?pageSize=2&page=2")).ReadAsync<Page<AuditRow>>();
        Assert.Equal(2, paged.Items.Count);
        Assert.True(paged.Total >= 5);

        var csv = await admin.GetAsync($"/api/v1/audit/export.csv?entityId={rep.Id}&action=RoleGranted");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Id,At,UserId,UserName,EntityType,EntityId,Action,Changes", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(Roles.Executive, lines[1], StringComparison.Ordinal);
    }
}
