using Endorse.ExecutivePrograms;
using Endorse.Onboarding;
using Endorse.WishList;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Endorse.Scheduling;

/// <summary>
/// How often the sourcing jobs run, from the <c>Scheduler</c> section: <c>WatchIntervalSeconds</c> (default 60) for the
/// watch job, <c>DailyRemindersCron</c> (default 07:00 UTC every day) for the daily reminders.
/// </summary>
public sealed record SourcingSchedule(TimeSpan WatchInterval, string DailyCron)
{
    public static SourcingSchedule From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Scheduler");
        var seconds = double.TryParse(section["WatchIntervalSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
        var configured = section["DailyRemindersCron"];
        var cron = !string.IsNullOrWhiteSpace(configured) && IsValid(configured) ? configured : "0 0 7 * * ?";
        return new SourcingSchedule(TimeSpan.FromSeconds(seconds), cron);
    }

    private static bool IsValid(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// Every minute: closes the wishes that came true (a contact of the account became an advocate) and tells the wishers, and
/// makes check-in plans for new customers. One node of the cluster at a time; each change is saved with its notice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SourcingWatchJob(WishListService wishes, OnboardingService onboarding, ILogger<SourcingWatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("sourcing-watch", "sourcing");
    public static readonly TriggerKey TriggerKey = new("sourcing-watch-repeat", "sourcing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var converted = await wishes.CheckConversionsAsync(cancellationToken);
        var plans = await onboarding.EnsurePlansAsync(cancellationToken);
        if (converted + plans > 0)
        {
            logger.LogInformation("Sourcing watch: {Converted} wishes came true, {Plans} check-in plans made", converted, plans);
        }
    }
}

/// <summary>
/// Once a day: announces the check-ins coming due and overdue, and the executive-program commitments coming due and overdue.
/// The trigger lives in the persistent store, so a day missed while the app was down fires once when it starts again; each
/// notice is marked sent in the same save, so a rerun never sends it twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyRemindersJob(OnboardingService onboarding, ExecutiveProgramService programs, ILogger<DailyRemindersJob> logger) : IJob
{
    public static readonly JobKey Key = new("daily-reminders", "sourcing");
    public static readonly TriggerKey TriggerKey = new("daily-reminders-cron", "sourcing");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checkIns = await onboarding.SendNoticesAsync(cancellationToken);
        var commitments = await programs.SendRemindersAsync(cancellationToken);
        logger.LogInformation("Daily reminders: {CheckIns} check-in notices, {Commitments} commitment reminders", checkIns, commitments);
    }
}
