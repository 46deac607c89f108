using System.Globalization;
using System.Net;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Requests;
using Endorse.Notifications;
using Endorse.Reminders;
using Endorse.Scheduling;
using Endorse.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Quartz;

namespace Endorse.IntegrationTests.Reminders;

public class ReminderJobTests
{
    // Monday 7 December 2026, 06:00 UTC: 07:00 in Berlin, before the morning hour.
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_reminder_job_tells_whoever_owes_the_next_step_once_a_day_and_sends_digests(string database)
    {
        var clock = new FakeTimeProvider(Monday);
        await using var app = new EndorseApp(database, new Dictionary<string, string?>
        {
            ["Scheduler:MailIntervalSeconds"] = "1",
            ["Scheduler:ReminderIntervalSeconds"] = "86400",
            ["Mail:BaseUrl"] = "https://endorse.example",
        })
        {
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
        };

        var manager = await app.CreateUserAsync(Roles.ReferenceManager, "rita@test.example");
        var rep = await app.CreateUserAsync(Roles.SalesRep, "sam@test.example");
        var owner = await app.CreateUserAsync(Roles.SalesRep, "olga@test.example");
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == manager.Id || u.Id == owner.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, "Europe/Berlin").SetProperty(u => u.MailNewRequests, true)));
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == rep.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, "America/Los_Angeles").SetProperty(u => u.DailyDigest, true)));
        var managerClient = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var ownerClient = app.ClientWithToken(await app.CreateTokenAsync(owner.Id));
        var (ownedAdvocate, _, ownedEmail) = await app.AddAdvocateAsync(owner.Id);
        var (freeAdvocate, _, freeEmail) = await app.AddAdvocateAsync();
        var job = new JobRuns(await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler());

        // The rep asks; the reference manager hears of it in the inbox and, having opted in, by mail.
        var submitted = await repClient.PostJsonAsync("/api/v1/requests", new { prospectName = "Globex", activityType = "ReferenceCall", neededBy = new DateOnly(2026, 12, 28), advocatesNeeded = 2 });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (int)(await submitted.ReadJsonAsync())["id"]!;
        var news = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == manager.Id));
        Assert.Equal("New request: reference call with Globex", news.Title);
        Assert.Contains("needed by 28 Dec 2026", news.Body, StringComparison.Ordinal);
        Assert.Equal(1, await MailsToAsync(app, manager.Email!));

        // Two advocates: one needs the account owner's approval, the other is asked at once.
        var proposed = await managerClient.PostJsonAsync($"/api/v1/requests/{id}/participants", new { advocateIds = new[] { ownedAdvocate, freeAdvocate } });
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());

        // Wednesday 11:00 in Berlin: the owner's approval has waited over two working days.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        var ownerMailsBefore = await MailsToAsync(app, owner.Email!);
        await job.RunAsync();
        var reminder = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == owner.Id && n.Title.StartsWith("Reminder")));
        Assert.Equal("Reminder: approve or block an approach to your customer", reminder.Title);
        Assert.Contains("waiting for you since 7 Dec 2026, 07:00 CET", reminder.Body, StringComparison.Ordinal);
        Assert.Equal($"/requests/{id}", reminder.Link);
        Assert.Equal(ownerMailsBefore + 1, await MailsToAsync(app, owner.Email!));

        // The same day again (a second run, a restart): nothing more is sent to the owner.
        await job.RunAsync();
        Assert.Equal(ownerMailsBefore + 1, await MailsToAsync(app, owner.Email!));
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == owner.Id && n.Title.StartsWith("Reminder"))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<SentReminder>().CountAsync(r => r.Recipient == "user:" + owner.Id)));

        // The owner approves; the free advocate accepts through the link, offering a time in Berlin. The rep chose a
        // daily digest: the news waits in their inbox, not in a mail.
        var participants = (await (await managerClient.GetAsync($"/api/v1/requests/{id}")).ReadJsonAsync())["participants"]!.AsArray();
        var ownedPid = (int)participants.First(p => (int)p!["advocateId"]! == ownedAdvocate)!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.PostAsync($"/api/v1/requests/{id}/participants/{ownedPid}/approve", null)).StatusCode);
        var token = await app.LinkTokenAsync(freeEmail);
        using var portal = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var antiforgery = await RequestTestData.AntiforgeryAsync(portal, "/respond/" + token);
        var accepted = await RequestTestData.PostFormAsync(portal, "/respond/" + token, antiforgery, ("answer", "accept"), ("zone", "Europe/Berlin"), ("slot1", "2026-12-15T16:00"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(0, await MailsToAsync(app, rep.Email!));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == rep.Id && n.AwaitsDigest)));

        // Thursday: the owned advocate, asked on Wednesday, is not yet due; 09:00 in Los Angeles: the rep's digest goes out,
        // the advocate's time in the rep's own zone.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero));
        await job.RunAsync();
        var digest = Assert.Single(await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().Where(m => m.To == rep.Email).ToListAsync()));
        Assert.Equal("Your Endorse digest: 1 update", digest.Subject);
        Assert.Contains("An advocate accepted your request", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tue 15 Dec 2026, 07:00 PST", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://endorse.example/requests/{id}", digest.TextBody, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == rep.Id && n.AwaitsDigest)));
        await job.RunAsync();
        Assert.Equal(1, await MailsToAsync(app, rep.Email!));

        // Saturday: the owned advocate has not answered in three days: one reminder with a second link to the same ask.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 12, 0, 0, TimeSpan.Zero));
        await job.RunAsync();
        var advocateMails = await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().Where(m => m.To == ownedEmail).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(2, advocateMails.Count);
        Assert.Equal("Reminder: Could you help with a reference call with Globex?", advocateMails[1].Subject);
        var second = await app.LinkTokenAsync(ownedEmail, "Reminder:");
        Assert.Contains("Can you help?", await portal.GetStringAsync("/respond/" + second), StringComparison.Ordinal);
        Assert.Contains("Can you help?", await portal.GetStringAsync("/respond/" + await app.LinkTokenAsync(ownedEmail, "Could you help")), StringComparison.Ordinal);
        await job.RunAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 13, 12, 0, 0, TimeSpan.Zero));
        await job.RunAsync();
        Assert.Equal(2, await MailsToAsync(app, ownedEmail));

        // Delivered by the mail sender (the scheduler's mail job runs it too; its claims keep the two from sending twice):
        // the digest and the reminders are .eml files in the outbox.
        var outbox = Path.Combine(app.DataFolder, "outbox");
        for (var attempt = 0; attempt < 10 && await app.WithDbAsync(db => db.OutboundMails.AnyAsync(m => m.Status == MailStatus.Pending)); attempt++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<PendingMailSender>().SendDueAsync();
        }

        Assert.False(await app.WithDbAsync(db => db.OutboundMails.AnyAsync(m => m.Status != MailStatus.Sent)));

        var subjects = new List<string>();
        foreach (var file in Directory.GetFiles(outbox, "*.eml"))
        {
            subjects.Add((await MimeMessage.LoadAsync(file)).Subject ?? string.Empty);
        }

        Assert.Contains("Your Endorse digest: 1 update", subjects);
        Assert.Contains("Reminder: 1 thing waits for you", subjects);
        Assert.Contains("Reminder: Could you help with a reference call with Globex?", subjects);
        _ = CultureInfo.InvariantCulture;
    }

    private static Task<int> MailsToAsync(EndorseApp app, string email) =>
        app.WithDbAsync(db => db.OutboundMails.CountAsync(m => m.To == email));

    /// <summary>Fires the scheduler's reminder job now and waits until it has run.</summary>
    private sealed class JobRuns : IJobListener
    {
        private readonly IScheduler scheduler;
        private TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public JobRuns(IScheduler scheduler)
        {
            this.scheduler = scheduler;
            scheduler.ListenerManager.AddJobListener(this);
        }

        public string Name { get; } = "reminder-test-" + Guid.NewGuid().ToString("N");

        public async Task RunAsync()
        {
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await scheduler.TriggerJob(SendRemindersJob.Key);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (!Equals(context.JobDetail.Key, SendRemindersJob.Key))
            {
                return ValueTask.CompletedTask;
            }

            if (jobException is not null)
            {
                done.TrySetException(jobException);
            }
            else
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }
    }
}
