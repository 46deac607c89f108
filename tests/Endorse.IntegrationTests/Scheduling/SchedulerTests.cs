using System.Data.Common;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Notifications;
using Endorse.Scheduling;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Quartz;

namespace Endorse.IntegrationTests.Scheduling;

public class SchedulerTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_persistent_scheduler_starts_on_its_tables_and_its_job_sends_queued_mail(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Scheduler:MailIntervalSeconds"] = "1" });
        _ = app.Services; // starts the host: migrations, then the scheduler

        var tables = await app.WithDbAsync(ListTablesAsync);
        foreach (var table in QuartzSchema.CoreTables)
        {
            Assert.Contains(table, tables, StringComparer.OrdinalIgnoreCase);
        }

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.Exists(SendPendingMailJob.Key));
        Assert.True(await scheduler.Exists(SendPendingMailJob.TriggerKey));
        var metadata = await scheduler.GetMetadata();
        Assert.Equal(database == TestDatabases.Postgres, metadata.JobStoreClustered);
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal("Endorse", metadata.SchedulerName);

        var user = await app.CreateUserAsync(Roles.SalesRep, "rep-job@test.example");
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAsync(user.Id, "Sent by the scheduler", "The job picked this up.", "/inbox", sendEmail: true);
        }

        // The job runs every second here; give a busy machine time.
        var outbox = Path.Combine(app.DataFolder, "outbox");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && (await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync())).Status != MailStatus.Sent)
        {
            await Task.Delay(250);
        }

        Assert.Equal(MailStatus.Sent, (await app.WithDbAsync(db => db.OutboundMails.AsNoTracking().SingleAsync())).Status);
        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(outbox, "*.eml")));
        Assert.Equal("Sent by the scheduler", message.Subject);

        if (database == TestDatabases.Postgres)
        {
            // A clustered node checks in to the shared database, which is how the others know it is alive.
            Assert.True(await app.WithDbAsync(db => CountAsync(db, "SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE")) >= 1);
        }
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_scheduler_can_be_switched_off(string database)
    {
        await using var app = new EndorseApp(database, new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        _ = app.Services;

        Assert.Null(app.Services.GetService<ISchedulerFactory>());
        // The tables still exist: they come from the migration, not from the scheduler.
        Assert.Contains("QRTZ_TRIGGERS", await app.WithDbAsync(ListTablesAsync), StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<List<string>> ListTablesAsync(Endorse.Data.EndorseDbContext db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<long> CountAsync(Endorse.Data.EndorseDbContext db, string sql)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
