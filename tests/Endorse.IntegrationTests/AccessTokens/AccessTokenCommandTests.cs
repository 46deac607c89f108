using Endorse.AccessTokens;
using Endorse.Data;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Users;
using Endorse.Users;
using Endorse.Web.Features.AccessTokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.AccessTokens;

/// <summary><c>Endorse.Web token create</c>: an operator's token for an integration, on the app's database.</summary>
public sealed class AccessTokenCommandTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_command_line_creates_a_token_that_authenticates_as_its_user(string database)
    {
        await using var app = new EndorseApp(database);
        var user = await app.CreateUserAsync(Roles.ReferenceManager, "integration@test.example");
        var settings = app.Services.GetRequiredService<DatabaseSettings>();

        async Task<(int Exit, string Output, string Messages)> RunAsync(params string[] args)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ApplicationName = typeof(Program).Assembly.GetName().Name });
            builder.Configuration["Database:Provider"] = settings.Provider.ToString();
            builder.Configuration["ConnectionStrings:Endorse"] = settings.ConnectionString;
            builder.Configuration["Demo:Enabled"] = "false";
            builder.Configuration["Storage:Folder"] = Path.Combine(app.DataFolder, "files");
            using var output = new StringWriter();
            using var messages = new StringWriter();
            var exit = await AccessTokenCommand.RunAsync(args, builder, output, messages);
            return (exit, output.ToString(), messages.ToString());
        }

        var created = await RunAsync("create", "--email", "integration@test.example", "--name", "CRM sync", "--expires-in-days", "90");
        Assert.True(created.Exit == 0, created.Messages);
        var token = created.Output.Trim();
        Assert.StartsWith(AccessTokenSecret.Prefix, token, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', token);
        Assert.Contains("CRM sync", created.Messages, StringComparison.Ordinal);

        using var client = app.ClientWithToken(token);
        var me = await (await client.GetAsync("/api/v1/users/me")).ReadAsync<CurrentUser>();
        Assert.Equal("integration@test.example", me.Email);
        var stored = await app.WithDbAsync(db => db.AccessTokens.AsNoTracking().SingleAsync(t => t.UserId == user.Id));
        Assert.Equal("CRM sync", stored.Name);
        Assert.Equal(AccessTokenSecret.Hash(token), stored.TokenHash);
        Assert.InRange(stored.ExpiresAt!.Value - stored.CreatedAt, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));
        var audit = await app.AuditAsync(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entry = Assert.Single(audit, a => a.Action == "TokenCreated");
        Assert.DoesNotContain(token, entry.Changes, StringComparison.Ordinal);

        // Wrong arguments and unknown people create nothing.
        var unknown = await RunAsync("create", "--email", "nobody@test.example", "--name", "x");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("No user has the e-mail nobody@test.example", unknown.Messages, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("create", "--email", "integration@test.example", "--name", "x", "--expires-in-days", "7")).Exit);
        Assert.Equal(1, (await RunAsync("create", "--email", "integration@test.example")).Exit);
        Assert.Equal(1, (await RunAsync("list")).Exit);
        Assert.Equal("", unknown.Output);
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessTokens.CountAsync()));
    }
}
