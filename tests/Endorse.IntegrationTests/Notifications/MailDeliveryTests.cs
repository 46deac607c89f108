using System.Text;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Notifications;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Endorse.IntegrationTests.Notifications;

/// <summary>Queued mail, sent by the sender the scheduler's job runs (called directly here; the scheduler is off).</summary>
public class MailDeliveryTests
{
    private static Dictionary<string, string?> SchedulerOff(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false", ["Mail:BaseUrl"] = "https://endorse.example.com" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Notify_writes_the_inbox_entry_and_the_mail_together(string database)
    {
        await using var app = new EndorseApp(database, SchedulerOff());
        var user = await app.CreateUserAsync(Roles.SalesRep, "rep-notify@test.example");

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync(user.Id, "Reference request approved", "Grace approved your request.", "/requests/7", sendEmail: true);
            await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync(user.Id, "Quiet note", null, "/requests/8", sendEmail: false);

            // A notification always opens its record: one without a link is a programming error, refused before anything is saved.
            await Assert.ThrowsAnyAsync<ArgumentException>(() => scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync(user.Id, "Nowhere to go", null, " ", sendEmail: false));
        }

        var notifications = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(["Reference request approved", "Quiet note"], notifications.Select(n => n.Title));
        Assert.Equal("/requests/7", notifications[0].Link);
        Assert.All(notifications, n => Assert.Null(n.ReadAt));

        var mail = Assert.Single(await app.WithDbAsync(db => db.OutboundMails.ToListAsync()));
        Assert.Equal("rep-notify@test.example", mail.To);
        Assert.Equal("Reference request approved", mail.Subject);
        Assert.Contains("Grace approved your request.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://endorse.example.com/requests/7", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(MailStatus.Pending, mail.Status);
        Assert.NotNull(mail.NextAttemptAt);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Without_smtp_the_mail_is_written_as_an_eml_file_to_the_outbox_and_marked_sent(string database)
    {
        await using var app = new EndorseApp(database, SchedulerOff());
        var user = await app.CreateUserAsync(Roles.SalesRep, "rep-eml@test.example");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync(user.Id, "Your advocate said yes", "Ada agreed to a reference call.", "/requests/9", sendEmail: true);
            await scope.ServiceProvider.GetRequiredService<Notifier>().QueueMailAsync(new OutboundMail
            {
                To = "advocate@customer.example",
                ToName = "Ada Advocate",
                Subject = "Reference call invitation",
                TextBody = "Please find the invite attached.",
                AttachmentName = "invite.ics",
                AttachmentMediaType = "text/calendar",
                AttachmentContent = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
            });
        }

        Assert.Equal(2, await SendDueAsync(app));

        var files = Directory.GetFiles(Path.Combine(app.DataFolder, "outbox"), "*.eml");
        Assert.Equal(2, files.Length);
        var messages = new List<MimeMessage>();
        foreach (var file in files)
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        var toUser = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "rep-eml@test.example");
        Assert.Equal("Your advocate said yes", toUser.Subject);
        Assert.Contains("Ada agreed to a reference call.", toUser.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://endorse.example.com/requests/9", toUser.HtmlBody, StringComparison.Ordinal);

        var toAdvocate = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "advocate@customer.example");
        Assert.Equal("Reference call invitation", toAdvocate.Subject);
        Assert.Equal("invite.ics", Assert.Single(toAdvocate.Attachments).ContentDisposition!.FileName);

        var mails = await app.WithDbAsync(db => db.OutboundMails.ToListAsync());
        Assert.All(mails, m =>
        {
            Assert.Equal(MailStatus.Sent, m.Status);
            Assert.NotNull(m.SentAt);
            Assert.Equal(1, m.Attempts);
        });

        // Sent mail is not sent again.
        Assert.Equal(0, await SendDueAsync(app));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(app.DataFolder, "outbox"), "*.eml").Length);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task With_smtp_configured_the_mail_reaches_the_smtp_server(string database)
    {
        await using var smtp = new SmtpSink();
        await using var app = new EndorseApp(database, SchedulerOff(
            ("Mail:Smtp:Host", "127.0.0.1"), ("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Mail:From", "noreply@endorse.example"), ("Mail:FromName", "Endorse Test")));
        var user = await app.CreateUserAsync(Roles.SalesRep, "rep-smtp@test.example");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync(user.Id, "Approval needed", "A request waits for you.", "/approvals", sendEmail: true);
        }

        Assert.Equal(1, await SendDueAsync(app));

        var (from, to, message) = Assert.Single(smtp.Received);
        Assert.Equal("noreply@endorse.example", from);
        Assert.Equal(["rep-smtp@test.example"], to);
        Assert.Equal("Approval needed", message.Subject);
        Assert.Equal("Endorse Test", message.From.Mailboxes.Single().Name);
        Assert.Contains("A request waits for you.", message.TextBody, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(Path.Combine(app.DataFolder, "outbox")) ? Directory.GetFiles(Path.Combine(app.DataFolder, "outbox")) : []);
        Assert.Equal(MailStatus.Sent, (await app.WithDbAsync(db => db.OutboundMails.SingleAsync())).Status);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_mail_server_that_is_down_leads_to_retries_with_back_off_and_then_failed(string database)
    {
        await using var app = new EndorseApp(database, SchedulerOff(
            ("Mail:Smtp:Host", "127.0.0.1"), ("Mail:Smtp:Port", SmtpSink.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture))));
        long id;
        using (var scope = app.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<Notifier>().QueueMailAsync(new OutboundMail
            {
                To = "advocate@customer.example",
                Subject = "Hello",
                TextBody = "Body",
            })).Id;
        }

        var before = DateTimeOffset.UtcNow;
        Assert.Equal(0, await SendDueAsync(app));
        var mail = await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(MailStatus.Pending, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.False(string.IsNullOrEmpty(mail.LastError));
        Assert.InRange(mail.NextAttemptAt!.Value, before.AddSeconds(55), DateTimeOffset.UtcNow.AddSeconds(65));

        // Not due yet: nothing is tried.
        Assert.Equal(0, await SendDueAsync(app));
        Assert.Equal(1, (await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync(m => m.Id == id))).Attempts);

        for (var attempt = 2; attempt <= MailRetryRule.MaxAttempts; attempt++)
        {
            await app.WithDbAsync(db => db.OutboundMails.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
            await SendDueAsync(app);
            mail = await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync(m => m.Id == id));
            Assert.Equal(attempt, mail.Attempts);
        }

        Assert.Equal(MailStatus.Failed, mail.Status);
        Assert.Null(mail.NextAttemptAt);
        Assert.Null(mail.SentAt);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Two_senders_running_at_once_send_each_mail_exactly_once(string database)
    {
        await using var app = new EndorseApp(database, SchedulerOff());
        using (var scope = app.Services.CreateScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            for (var i = 0; i < 20; i++)
            {
                await notifier.QueueMailAsync(new OutboundMail { To = $"a{i}@customer.example", Subject = $"Mail {i}", TextBody = "Body" });
            }
        }

        var transport = new CountingTransport();
        var senders = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var services = scope.ServiceProvider;
            var sender = ActivatorUtilities.CreateInstance<PendingMailSender>(services, transport);
            return await sender.SendDueAsync();
        }));
        var sent = (await Task.WhenAll(senders)).Sum();

        Assert.Equal(20, sent);
        Assert.Equal(20, transport.Subjects.Count);
        Assert.Equal(20, transport.Subjects.Distinct().Count());
    }

    private static async Task<int> SendDueAsync(EndorseApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PendingMailSender>().SendDueAsync();
    }

    private sealed class CountingTransport : IMailTransport
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<string> subjects = [];

        public IReadOnlyCollection<string> Subjects => subjects;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            subjects.Add(message.Subject ?? string.Empty);
        }
    }
}
