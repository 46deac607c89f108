using System.Net;
using System.Net.Http.Json;
using Endorse.AccessTokens;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Endorse.IntegrationTests.AccessTokens;

public class AccessTokensApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_created_token_authenticates_as_its_user_and_only_its_hash_is_stored(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.SalesRep, "rep@test.example");

        var response = await client.PostAsJsonAsync("/api/v1/tokens", new { name = "CRM sync", expiresInDays = 90 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<CreatedAccessToken>();
        Assert.StartsWith(AccessTokenSecret.Prefix, created.Token, StringComparison.Ordinal);
        Assert.Equal(AccessTokenStatus.Active, created.Details.Status);
        Assert.NotNull(created.Details.ExpiresAt);
        Assert.InRange(created.Details.ExpiresAt!.Value - created.Details.CreatedAt, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));

        var me = await (await app.ClientWithToken(created.Token).GetAsync("/api/v1/users/me")).ReadAsync<CurrentUser>();
        Assert.Equal("rep@test.example", me.Email);

        var stored = await app.WithDbAsync(db => db.AccessTokens.AsNoTracking().SingleAsync(t => t.Id == created.Details.Id));
        Assert.Equal(AccessTokenSecret.Hash(created.Token), stored.TokenHash);
        Assert.NotEqual(created.Token, stored.TokenHash);
        Assert.False(await app.WithDbAsync(db => db.AccessTokens.AnyAsync(t => t.TokenHash == created.Token || t.Name == created.Token)));

        var audit = await app.AuditAsync(created.Details.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entry = Assert.Single(audit, a => a.Action == "TokenCreated");
        Assert.DoesNotContain(created.Token, entry.Changes, StringComparison.Ordinal);
        Assert.Contains("CRM sync", entry.Changes, StringComparison.Ordinal);

        var list = await (await client.GetAsync("/api/v1/tokens")).ReadAsync<List<AccessTokenRow>>();
        Assert.Contains(list, t => t.Name == "CRM sync" && t.Prefix == AccessTokenSecret.Shown(created.Token));
        Assert.DoesNotContain(created.Token, await (await client.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_revoked_token_gets_401_and_the_revocation_is_audited(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Marketing);
        var created = await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "temporary" })).ReadAsync<CreatedAccessToken>();
        var token = app.ClientWithToken(created.Token);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Null(created.Details.ExpiresAt);

        var revoked = await (await client.DeleteAsync($"/api/v1/tokens/{created.Details.Id}")).ReadAsync<AccessTokenRow>();

        Assert.Equal(AccessTokenStatus.Revoked, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Single(await app.AuditAsync(created.Details.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), a => a.Action == "TokenRevoked");
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_expired_token_gets_401(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.SalesRep);
        var created = await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "short-lived", expiresInDays = 30 })).ReadAsync<CreatedAccessToken>();

        var clock = new ShiftedClock();
        await using var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        }));
        var laterClient = later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        laterClient.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);

        clock.Shift = TimeSpan.FromDays(29);
        Assert.Equal(HttpStatusCode.OK, (await laterClient.GetAsync("/api/v1/users/me")).StatusCode);

        clock.Shift = TimeSpan.FromDays(31);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laterClient.GetAsync("/api/v1/users/me")).StatusCode);

        // The owner sees it as expired in their list.
        var ownerLater = later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        ownerLater.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var list = await (await ownerLater.GetAsync("/api/v1/tokens")).ReadAsync<List<AccessTokenRow>>();
        Assert.Equal(AccessTokenStatus.Expired, Assert.Single(list, t => t.Id == created.Details.Id).Status);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_marketing_users_token_is_forbidden_on_admin_endpoints(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Marketing);
        var created = await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "marketing" })).ReadAsync<CreatedAccessToken>();
        var token = app.ClientWithToken(created.Token);

        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/audit/export.csv")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Only_the_owner_or_an_administrator_can_revoke_a_token(string database)
    {
        await using var app = new EndorseApp(database);
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var ownerToken = await app.CreateTokenAsync(owner.Id);
        var tokenId = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.UserId == owner.Id).Select(t => t.Id).SingleAsync());
        var stranger = await app.ClientForAsync(Roles.SalesManager);
        var admin = await app.ClientForAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(ownerToken).GetAsync("/api/v1/users/me")).StatusCode);

        var tokens = await (await admin.GetAsync($"/api/v1/users/{owner.Id}/tokens")).ReadAsync<List<AccessTokenRow>>();
        Assert.Equal(tokenId, Assert.Single(tokens).Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/v1/tokens/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWithToken(ownerToken).GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Invalid_tokens_are_refused_with_field_errors(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.SalesRep);
        var before = await app.CountAsync(db => db.AccessTokens.CountAsync());

        var errors = await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "", expiresInDays = 7 })).FieldErrorsAsync();
        Assert.Contains("name", errors.Keys);
        Assert.Contains("expiresInDays", errors.Keys);
        Assert.Contains("name", (await (await client.PostAsJsonAsync("/api/v1/tokens", new { name = new string('n', 101) })).FieldErrorsAsync()).Keys);

        Assert.Equal(before, await app.CountAsync(db => db.AccessTokens.CountAsync()));
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
    }
}
