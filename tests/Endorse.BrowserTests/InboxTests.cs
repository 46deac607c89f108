using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Data;
using Endorse.Notifications;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests;

/// <summary>The in-app inbox: a notification the app sends appears unread and can be marked read.</summary>
[Collection(BrowserCollection.Name)]
public class InboxTests(BrowserApp app)
{
    [Fact]
    public async Task A_notification_appears_in_the_inbox_and_is_marked_read()
    {
        var title = Api.UniqueWord("Approval needed ");
        using (var scope = app.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
            var rep = await db.Users.SingleAsync(u => u.Email == DemoUser.EmailOf(Roles.SalesManager));
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(rep.Id, title, "A reference call with your account needs your approval.", "/advocates", sendEmail: false);
        }

        var (page, shell) = await Session.SignInAsync(app, Roles.SalesManager);

        // The bell's unread count sits wholly inside the app bar (it used to stick out above it and be cut off).
        var count = page.GetByTestId("notification-bell").Locator(".mud-badge");
        await Microsoft.Playwright.Assertions.Expect(count).ToBeVisibleAsync();
        var badge = (await count.BoundingBoxAsync())!;
        var bar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        Assert.True(badge.Y >= bar.Y && badge.Y + badge.Height <= bar.Y + bar.Height, $"The unread count ({badge.Y}..{badge.Y + badge.Height}px) is not inside the app bar ({bar.Y}..{bar.Y + bar.Height}px).");
        await shell.GoToAsync("Inbox");
        var item = page.GetByTestId("inbox-item").Filter(new() { HasText = title });
        await Expect(item).ToHaveAttributeAsync("data-read", "false");
        await Expect(item).ToContainTextAsync("needs your approval");
        await Expect(item.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", "/advocates");
        await BrowserApp.ScreenshotAsync(page, "inbox");

        var row = page.Locator("tr").Filter(new() { Has = item });
        await row.GetByTestId("inbox-mark-read").ClickAsync();
        await Expect(item).ToHaveAttributeAsync("data-read", "true");
        await Expect(row.GetByTestId("inbox-mark-read")).ToHaveCountAsync(0);

        // Unread only leaves it out.
        await page.GetByLabel("Unread only").CheckAsync();
        await Expect(item).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
