using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Listing;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Users;

public partial class UsersApiTests
{
    private const string GoodPassword = "Strong-password-42";
    private static readonly string[] UnknownRoles = ["Superuser"];

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Me_answers_any_signed_in_user_with_their_roles(string database)
    {
        await using var app = new EndorseApp(database);
        var client = await app.ClientForAsync(Roles.Marketing, "mia@test.example");

        var me = await (await client.GetAsync("/api/v1/users/me")).ReadAsync<CurrentUser>();

        Assert.Equal("mia@test.example", me.Email);
        Assert.Equal([Roles.Marketing], me.Roles);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_non_administrator_is_refused_user_administration(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.ClientForAsync(Roles.SalesRep);
        var other = await app.CreateUserAsync(Roles.Marketing);

        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsJsonAsync("/api/v1/users", new { email = "x@test.example", displayName = "X", roles = new[] { Roles.Administrator }, password = GoodPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync($"/api/v1/users/{other.Id}/deactivate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(0, await app.CountAsync(db => db.Users.CountAsync(u => u.Email == "x@test.example")));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_administrator_creates_a_user_who_can_then_sign_in_and_it_is_audited(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = "new.rep@test.example", displayName = "New <script>Rep</script>", roles = new[] { Roles.SalesRep, Roles.SalesManager }, crmUserId = "005XX", password = GoodPassword });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<UserDetails>();
        Assert.Equal("New <script>Rep</script>", created.DisplayName);
        Assert.Equal([Roles.SalesRep, Roles.SalesManager], created.Roles);
        Assert.True(created.IsActive);

        var audit = await app.AuditAsync(created.Id);
        Assert.Contains(audit, a => a.Action == "UserCreated");
        Assert.Equal(2, audit.Count(a => a.EntityType == "Role" && a.Action == "RoleGranted"));

        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await SignInAsync(browser, "new.rep@test.example", GoodPassword));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Invalid_users_are_refused_with_field_errors_and_nothing_is_written(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);
        var usersBefore = await app.CountAsync(db => db.Users.CountAsync());
        var auditBefore = await app.CountAsync(db => db.AuditEntries.CountAsync());

        var badEmail = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", displayName = "A", roles = new[] { Roles.SalesRep }, password = GoodPassword })).FieldErrorsAsync();
        Assert.Contains("email", badEmail.Keys);

        var weak = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = "weak@test.example", displayName = "A", roles = new[] { Roles.SalesRep }, password = "short" })).FieldErrorsAsync();
        Assert.Contains(weak["password"], m => m.Contains("at least 12 characters", StringComparison.Ordinal));

        var unknownRole = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = "role@test.example", displayName = "A", roles = UnknownRoles, password = GoodPassword })).FieldErrorsAsync();
        Assert.Contains(unknownRole["roles"], m => m.Contains("Superuser", StringComparison.Ordinal));

        var missing = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = "", displayName = new string('x', 300), roles = Array.Empty<string>() })).FieldErrorsAsync();
        Assert.Contains("email", missing.Keys);
        Assert.Contains("displayName", missing.Keys);
        Assert.Contains("roles", missing.Keys);
        Assert.Contains("password", missing.Keys);

        var wrongType = await admin.PostAsync("/api/v1/users", new StringContent("""{"email":"t@test.example","displayName":"A","roles":5,"password":"Strong-password-42"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var duplicate = await (await admin.PostAsJsonAsync("/api/v1/users", new { email = (await admin.GetFromJsonAsync<CurrentUser>("/api/v1/users/me"))!.Email, displayName = "A", roles = new[] { Roles.SalesRep }, password = GoodPassword })).FieldErrorsAsync();
        Assert.Contains("email", duplicate.Keys);

        Assert.Equal(usersBefore, await app.CountAsync(db => db.Users.CountAsync()));
        Assert.Equal(auditBefore, await app.CountAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_role_change_is_audited_with_who_made_it(string database)
    {
        await using var app = new EndorseApp(database);
        var adminUser = await app.CreateUserAsync(Roles.Administrator);
        var admin = app.ClientWithToken(await app.CreateTokenAsync(adminUser.Id));
        var rep = await app.CreateUserAsync(Roles.SalesRep);

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{rep.Id}", new { displayName = "Renamed Rep", roles = new[] { Roles.SalesManager }, crmUserId = "005ABC" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadAsync<UserDetails>();
        Assert.Equal([Roles.SalesManager], updated.Roles);
        Assert.Equal("Renamed Rep", updated.DisplayName);

        var audit = await app.AuditAsync(rep.Id);
        var granted = Assert.Single(audit, a => a.Action == "RoleGranted");
        Assert.Equal(adminUser.Id, granted.UserId);
        Assert.Equal(adminUser.Email, granted.UserName);
        Assert.Contains(Roles.SalesManager, granted.Changes, StringComparison.Ordinal);
        var removed = Assert.Single(audit, a => a.Action == "RoleRemoved");
        Assert.Contains(Roles.SalesRep, removed.Changes, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Action == "UserUpdated" && a.Changes!.Contains("Renamed Rep", StringComparison.Ordinal));

        var filtered = await (await admin.GetAsync($"/api/v1/users?role={Roles.SalesManager}&search=renamed")).ReadAsync<Page<UserRow>>();
        Assert.Equal(rep.Id, Assert.Single(filtered.Items).Id);
        var none = await (await admin.GetAsync($"/api/v1/users?role={Roles.SalesRep}&search=renamed")).ReadAsync<Page<UserRow>>();
        Assert.Empty(none.Items);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_administrator_cannot_demote_or_deactivate_themselves(string database)
    {
        await using var app = new EndorseApp(database);
        var adminUser = await app.CreateUserAsync(Roles.Administrator);
        var admin = app.ClientWithToken(await app.CreateTokenAsync(adminUser.Id));

        var demote = await (await admin.PutAsJsonAsync($"/api/v1/users/{adminUser.Id}", new { displayName = "Me", roles = new[] { Roles.SalesRep } })).FieldErrorsAsync();
        Assert.Contains(demote["roles"], m => m.Contains("own Administrator role", StringComparison.Ordinal));

        var deactivate = await (await admin.PostAsync($"/api/v1/users/{adminUser.Id}/deactivate", null)).FieldErrorsAsync();
        Assert.Contains("isActive", deactivate.Keys);

        var me = await (await admin.GetAsync("/api/v1/users/me")).ReadAsync<CurrentUser>();
        Assert.Contains(Roles.Administrator, me.Roles);
        Assert.Empty(await app.AuditAsync(adminUser.Id));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_deactivated_user_cannot_sign_in_or_use_tokens_until_reactivated(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/users/{rep.Id}/deactivate", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await repClient.GetAsync("/api/v1/users/me")).StatusCode);
        using (var browser = app.CreateClient(new() { AllowAutoRedirect = false }))
        {
            Assert.Contains("error=invalid", await SignInAsync(browser, rep.Email!, "Test-password-1"), StringComparison.Ordinal);
        }

        var reactivated = await (await admin.PostAsync($"/api/v1/users/{rep.Id}/reactivate", null)).ReadAsync<UserDetails>();
        Assert.True(reactivated.IsActive);
        Assert.Equal(HttpStatusCode.OK, (await repClient.GetAsync("/api/v1/users/me")).StatusCode);
        using (var browser = app.CreateClient(new() { AllowAutoRedirect = false }))
        {
            Assert.Equal("/", await SignInAsync(browser, rep.Email!, "Test-password-1"));
        }

        var audit = await app.AuditAsync(rep.Id);
        Assert.Equal(["UserDeactivated", "UserReactivated"], audit.Where(a => a.EntityType == "User").Select(a => a.Action));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task An_administrator_resets_a_password_with_the_password_rules_and_it_is_audited(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);
        var rep = await app.CreateUserAsync(Roles.SalesRep);

        var weak = await (await admin.PostAsJsonAsync($"/api/v1/users/{rep.Id}/password", new { password = "Qwerty123456" })).FieldErrorsAsync();
        Assert.Contains("password", weak.Keys);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/users/{rep.Id}/password", new { password = GoodPassword })).StatusCode);

        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/", await SignInAsync(browser, rep.Email!, GoodPassword));
        var entry = Assert.Single(await app.AuditAsync(rep.Id), a => a.Action == "PasswordReset");
        Assert.DoesNotContain(GoodPassword, entry.Changes ?? "", StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Unknown_users_and_unknown_role_filters_are_clear_errors(string database)
    {
        await using var app = new EndorseApp(database);
        var admin = await app.ClientForAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/users/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/users/nobody", new { displayName = "X", roles = new[] { Roles.SalesRep } })).StatusCode);
        Assert.Contains("role", (await (await admin.GetAsync("/api/v1/users?role=Wizard")).FieldErrorsAsync()).Keys);
    }

    /// <summary>Signs in through the real sign-in form and answers where it redirects to.</summary>
    internal static async Task<string> SignInAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/signin");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
