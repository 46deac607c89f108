using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Notifications;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Endorse.IntegrationTests.Notifications;

public class InboxApiTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_user_lists_counts_and_marks_read_only_their_own_notifications(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        var me = await app.CreateUserAsync(Roles.SalesRep);
        var someoneElse = await app.CreateUserAsync(Roles.SalesRep);
        var client = app.ClientWithToken(await app.CreateTokenAsync(me.Id));

        Assert.Equal(0, await UnreadAsync(client));
        Assert.Equal(0, (await ListAsync(client)).GetProperty("total").GetInt32());

        using (var scope = app.Services.CreateScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.NotifyAsync(me.Id, "First", "one", "/requests/1", sendEmail: false);
            await notifier.NotifyAsync(me.Id, "Second", null, "/requests/2", sendEmail: false);
            await notifier.NotifyAsync(me.Id, "Third <script>alert(1)</script>", "three", "/requests/3", sendEmail: false);
            await notifier.NotifyAsync(someoneElse.Id, "Not yours", null, "/requests/4", sendEmail: false);
        }

        var page = await ListAsync(client);
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var titles = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Third <script>alert(1)</script>", "Second", "First"], titles);
        Assert.Equal(3, await UnreadAsync(client));

        var firstId = page.GetProperty("items")[2].GetProperty("id").GetInt64();
        var read = await client.PostAsync($"/api/v1/notifications/{firstId}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True((await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isRead").GetBoolean());
        Assert.Equal(2, await UnreadAsync(client));

        var unread = await ListAsync(client, "?unreadOnly=true");
        Assert.Equal(["Third <script>alert(1)</script>", "Second"], unread.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        var paged = await ListAsync(client, "?page=2&pageSize=2");
        Assert.Equal("First", Assert.Single(paged.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        // Another user's notification is not found, and stays unread.
        var theirs = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == someoneElse.Id).Select(n => n.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/notifications/{theirs}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/notifications/999999/read", null)).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync()));

        var all = await client.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(2, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(client));
        Assert.Equal(0, (await ListAsync(client, "?unreadOnly=true")).GetProperty("total").GetInt32());
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync()));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_inbox_api_needs_a_signed_in_user_and_refuses_a_bad_id(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/notifications/unread-count")).StatusCode);

        var client = await app.ClientForAsync(Roles.Marketing);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/notifications/abc/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/notifications/unread-count")).StatusCode);
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();

    private static async Task<JsonElement> ListAsync(HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications" + query);
}
