using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Requests;
using Endorse.IntegrationTests.Security;
using Endorse.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;

namespace Endorse.IntegrationTests.Notifications;

/// <summary>Links in mail are absolute and open for someone with no session: read the sent .eml, follow its link.</summary>
public sealed partial class MailLinkTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Without_a_public_address_outside_production_mail_links_name_the_address_the_server_listens_on_and_open(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Scheduler:MailIntervalSeconds"] = "1" });
        using var anonymous = HttpHardeningTests.OnKestrel(app, useCookies: true);
        var mail = await AskAnAdvocateAsync(app, anonymous.BaseAddress!);

        var link = Assert.Single(LinkTo().Matches(mail.TextBody!).Select(m => m.Value).Distinct());
        Assert.StartsWith(anonymous.BaseAddress!.AbsoluteUri + "respond/", link, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);

        // Someone who never signed in opens it: the advocate's page, not a sign-in form.
        using var advocate = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await advocate.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Accept", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in to Endorse", html, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task With_a_public_address_every_mail_link_starts_with_it(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?>
        {
            ["Scheduler:MailIntervalSeconds"] = "1",
            ["PublicBaseUrl"] = "http://endorse.example.com/reference-program",
        });
        using var client = HttpHardeningTests.OnKestrel(app, useCookies: true);
        var mail = await AskAnAdvocateAsync(app, client.BaseAddress!);

        var link = Assert.Single(LinkTo().Matches(mail.TextBody!).Select(m => m.Value).Distinct());
        Assert.StartsWith("http://endorse.example.com/reference-program/respond/", link, StringComparison.Ordinal);

        // The path after the public address is the app's own: it opens here too.
        var local = new Uri(client.BaseAddress!, link["http://endorse.example.com/reference-program/".Length..]);
        using var advocate = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await advocate.GetAsync(local)).StatusCode);
    }

    [Fact]
    public void Production_refuses_to_start_without_a_public_address_and_says_what_to_set()
    {
        using var app = new EndorseApp(TestDatabases.Sqlite).WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var message = error is InvalidOperationException ? error.Message : error.InnerException?.Message ?? error.Message;
        Assert.Contains("PublicBaseUrl is not set", message, StringComparison.Ordinal);
        Assert.Contains("https://endorse.example.com/", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_public_address_stops_the_start_with_a_clear_message()
    {
        using var app = new EndorseApp(TestDatabases.Sqlite, new Dictionary<string, string?> { ["PublicBaseUrl"] = "endorse.example.com" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("PublicBaseUrl must be the absolute http or https address", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Proposes a new advocate on a new request (through the API) and waits for the ask mail in the .eml outbox.</summary>
    private static async Task<MimeMessage> AskAnAdvocateAsync(EndorseApp app, Uri server)
    {
        var manager = await app.CreateUserAsync(Roles.ReferenceManager);
        using var api = new HttpClient { BaseAddress = server };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync(manager.Id));
        var (advocateId, _, email) = await app.AddAdvocateAsync();
        var created = await (await api.PostJsonAsync("/api/v1/requests", new { prospectName = "Prospect Mail", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(30) })).ReadJsonAsync();
        var proposed = await api.PostJsonAsync($"/api/v1/requests/{(int)created["id"]!}/participants", new { advocateIds = new[] { advocateId } });
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());

        var outbox = Path.Combine(app.DataFolder, "outbox");
        for (var waited = 0; waited < 300; waited++)
        {
            if (Directory.Exists(outbox))
            {
                foreach (var file in Directory.GetFiles(outbox, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == email))
                    {
                        return message;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No mail to " + email + " reached " + outbox + " within 30 seconds.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/respond/[A-Za-z0-9_\-]{43}")]
    private static partial Regex LinkTo();
}
