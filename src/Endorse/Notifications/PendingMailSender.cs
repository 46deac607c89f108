using Endorse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Endorse.Notifications;

/// <summary>
/// Sends the queued mail that is due. Each message is first claimed with a conditional update (it must still be
/// pending with the due time this sender read), so two senders — two app nodes, say — never send the same message;
/// the claim pushes the due time out by a lease, so a message whose sender died is tried again later.
/// </summary>
public sealed class PendingMailSender(EndorseDbContext db, IMailTransport transport, MailSettings settings, TimeProvider clock, ILogger<PendingMailSender> logger)
{
    public const int BatchSize = 50;

    /// <summary>Sends what is due now; returns how many messages were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboundMails.AsNoTracking()
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt != null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var candidate in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await TrySendAsync(candidate.Id, candidate.NextAttemptAt!.Value, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(long id, DateTimeOffset seenDueAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leaseUntil = now + MailRetryRule.ClaimLease;
        var claimed = await db.OutboundMails
            .Where(m => m.Id == id && m.Status == MailStatus.Pending && m.NextAttemptAt == seenDueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, leaseUntil), cancellationToken);
        if (claimed != 1)
        {
            return false; // another sender took it
        }

        var mail = await db.OutboundMails.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
        try
        {
            await transport.SendAsync(MailMessages.Build(mail, settings), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = mail.Attempts + 1;
            var decision = MailRetryRule.AfterFailure(attempts, clock.GetUtcNow());
            var error = exception.GetType().Name + ": " + exception.Message;
            error = error.Length > 2000 ? error[..2000] : error;
            await db.OutboundMails.Where(m => m.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.Status, decision.Status)
                    .SetProperty(m => m.NextAttemptAt, decision.NextAttemptAt)
                    .SetProperty(m => m.LastError, error),
                CancellationToken.None);
            logger.LogWarning("Mail {MailId} to {To} failed (attempt {Attempts}): {Error}; now {Status}", id, mail.To, attempts, error, decision.Status);
            return false;
        }

        var sentAt = clock.GetUtcNow();
        await db.OutboundMails.Where(m => m.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, mail.Attempts + 1)
                .SetProperty(m => m.Status, MailStatus.Sent)
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null),
            CancellationToken.None);
        return true;
    }
}
