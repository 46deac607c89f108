using Endorse.Data;
using Endorse.Scheduling;
using Quartz;

namespace Endorse.Web.Hosting;

/// <summary>
/// The persistent scheduler: Quartz.NET with its job store in Endorse's own database (the QRTZ_ tables, created by
/// the QuartzScheduler migration). On PostgreSQL it is clustered, so several app nodes sharing the database never run
/// one firing twice; on SQLite (one node by nature) it is persistent but not clustered, which Quartz does not allow there.
/// Quartz's hosted service starts the scheduler when the host starts, which Program does only after
/// PrepareDatabaseAsync has migrated the database; it then waits for the application to have started.
/// <c>Scheduler:Enabled=false</c> leaves it out (a node that should only serve pages, or a test that wants no jobs).
/// </summary>
public static class SchedulerSetup
{
    public const string SchedulerName = "Endorse";

    public static IServiceCollection AddEndorseScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SchedulerSettings.From(configuration);
        services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        var database = DatabaseSettings.From(configuration);
        services.AddQuartz(quartz =>
        {
            // Clustering gives each node a generated instance id; the name is what the nodes share.
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options => options.TablePrefix = QuartzSchema.TablePrefix);
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(10);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(30);
                    });
                }
                else
                {
                    // Quartz refuses clustering on SQLite (its locks are in-process), and a SQLite file serves one
                    // node anyway: the store is persistent, not clustered. Several nodes need PostgreSQL.
                    store.UseSqlite(database.ConnectionString);
                }
            });

            quartz.AddJob<SendPendingMailJob>(job => job.WithIdentity(SendPendingMailJob.Key).StoreDurably().WithDescription("Sends queued e-mail that is due."));
            quartz.AddTrigger(trigger => trigger
                .ForJob(SendPendingMailJob.Key)
                .WithIdentity(SendPendingMailJob.TriggerKey)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(settings.MailInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddJob<SendRemindersJob>(job => job.WithIdentity(SendRemindersJob.Key).StoreDurably().WithDescription("Sends the day's reminders and digests that are due."));
            quartz.AddTrigger(trigger => trigger
                .ForJob(SendRemindersJob.Key)
                .WithIdentity(SendRemindersJob.TriggerKey)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(settings.ReminderInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            // The wish-list and onboarding watch (every minute) and the daily check-in and commitment reminders.
            var sourcing = SourcingSchedule.From(configuration);
            quartz.AddJob<SourcingWatchJob>(job => job.WithIdentity(SourcingWatchJob.Key).StoreDurably().WithDescription("Closes wishes that came true; makes check-in plans for new customers."));
            if (configuration.GetValue("Scheduler:SourcingWatchEnabled", true))
            {
                quartz.AddTrigger(trigger => trigger
                    .ForJob(SourcingWatchJob.Key)
                    .WithIdentity(SourcingWatchJob.TriggerKey)
                    .StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(sourcing.WatchInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            }

            quartz.AddJob<DailyRemindersJob>(job => job.WithIdentity(DailyRemindersJob.Key).StoreDurably().WithDescription("Announces check-ins and commitments coming due and overdue."));
            quartz.AddTrigger(trigger => trigger
                .ForJob(DailyRemindersJob.Key)
                .WithIdentity(DailyRemindersJob.TriggerKey)
                .WithCronSchedule(sourcing.DailyCron, cron => cron.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        return services;
    }

}
