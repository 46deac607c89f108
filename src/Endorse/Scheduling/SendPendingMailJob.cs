using Endorse.Notifications;
using Quartz;

namespace Endorse.Scheduling;

/// <summary>Sends queued mail that is due. Runs every few seconds on one node of the cluster at a time.</summary>
[DisallowConcurrentExecution]
public sealed class SendPendingMailJob(PendingMailSender sender) : IJob
{
    public static readonly JobKey Key = new("send-pending-mail", "mail");
    public static readonly TriggerKey TriggerKey = new("send-pending-mail-repeat", "mail");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await sender.SendDueAsync(cancellationToken);
    }
}
