using Endorse.Reminders;
using Quartz;

namespace Endorse.Scheduling;

/// <summary>
/// Tells people what waits for them (reminders and daily digests). Runs every few minutes on one node of the cluster at
/// a time; each person hears at most once a day, after the morning hour in their own zone.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SendRemindersJob(ReminderService reminders, SchedulerSettings settings) : IJob
{
    public static readonly JobKey Key = new("send-reminders", "reminders");
    public static readonly TriggerKey TriggerKey = new("send-reminders-repeat", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await reminders.RunAsync(settings.ReminderLocalHour, cancellationToken);
    }
}
