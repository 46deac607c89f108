using Endorse.Data;
using Endorse.Formatting;
using Endorse.Notifications;
using Endorse.Requests;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Reminders;

/// <summary>
/// Tells people what waits for them: once a day per person (after <see cref="ReminderRules.LocalHour"/> in their zone)
/// an inbox entry for each step they owe and one mail that lists them, or, for those who chose it, the daily digest of
/// everything that concerned them. Advocates who have not answered get one reminder mail per ask with a second link.
/// Run by the scheduler's <c>SendRemindersJob</c>; what went out is recorded (<see cref="SentReminder"/>), one row a
/// person and day, so a restart or a second node never sends a day twice.
/// </summary>
public sealed class ReminderService(EndorseDbContext db, Notifier notifier, RequestService requests, TimeProvider clock)
{
    /// <summary>Sends what is due now; returns how many people were told.</summary>
    public async Task<int> RunAsync(int localHour = ReminderRules.LocalHour, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var steps = await OpenStepsAsync(now, cancellationToken);
        var told = 0;

        // Those who chose a digest and have news waiting hear of it even when they owe nothing.
        var digestUsers = await db.Notifications.AsNoTracking().Where(n => n.AwaitsDigest).Select(n => n.UserId).Distinct().ToListAsync(cancellationToken);
        foreach (var userId in digestUsers)
        {
            steps.Users.TryAdd(userId, []);
        }

        foreach (var (userId, owed) in steps.Users)
        {
            if (await TellUserAsync(userId, owed, now, localHour, cancellationToken))
            {
                told++;
            }
        }

        foreach (var (advocateId, step) in steps.Advocates)
        {
            if (await RemindAdvocateAsync(advocateId, step, now, localHour, cancellationToken))
            {
                told++;
            }
        }

        return told;
    }

    private async Task<bool> TellUserAsync(string userId, List<OpenStep> owed, DateTimeOffset now, int localHour, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Email, u.DisplayName, u.TimeZone, u.DateStyle, u.Hour12, u.DailyDigest })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return false;
        }

        var format = PersonalFormat.Of(user.TimeZone, user.DateStyle, user.Hour12);
        var due = owed.Where(s => ReminderRules.IsDue(s, now, format.TimeZone)).ToList();
        var recipient = "user:" + userId;
        var lastSent = await LastSentAsync(recipient, cancellationToken);
        if (ReminderRules.DayToSend(now, format.TimeZone, lastSent, localHour) is not { } day)
        {
            return false;
        }

        var digest = user.DailyDigest
            ? await db.Notifications.Where(n => n.UserId == userId && n.AwaitsDigest).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken)
            : [];
        if (due.Count == 0 && digest.Count == 0)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entries = new List<DigestEntry>();
        foreach (var step in due)
        {
            var text = step.Text(format);
            db.Notifications.Add(new Notification { UserId = userId, Title = step.Title, Body = text, Link = step.Link, CreatedAt = now });
            entries.Add(new DigestEntry(step.Title, text, step.Link));
        }

        foreach (var notification in digest)
        {
            notification.AwaitsDigest = false;
            entries.Add(new DigestEntry(notification.Title, notification.Body, notification.Link));
        }

        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            var mail = notifier.NewMail(user.Email, user.DisplayName, DigestMail.Subject(user.DailyDigest, entries.Count), null, null, now);
            mail.TextBody = DigestMail.Text(user.DisplayName, user.DailyDigest, entries, notifier.AbsoluteLink);
            mail.HtmlBody = null;
            db.OutboundMails.Add(mail);
        }

        db.Add(new SentReminder { Recipient = recipient, Day = day, Items = entries.Count, Summary = Summary(due, digest.Count), SentAt = now });
        return await CommitAsync(transaction, cancellationToken);
    }

    private async Task<bool> RemindAdvocateAsync(int advocateId, OpenStep step, DateTimeOffset now, int localHour, CancellationToken cancellationToken)
    {
        var zone = await db.Advocates.AsNoTracking().Where(a => a.Id == advocateId).Select(a => a.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var recipient = "advocate:" + advocateId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!ReminderRules.IsDue(step, now, zone)
            || ReminderRules.DayToSend(now, zone, await LastSentAsync(recipient, cancellationToken), localHour) is not { } day)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await requests.QueueAskReminderAsync(step.ParticipantId!.Value, cancellationToken);
        db.Add(new SentReminder { Recipient = recipient, Day = day, Items = 1, Summary = Summary([step], 0), SentAt = now });
        return await CommitAsync(transaction, cancellationToken);
    }

    private async Task<bool> CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node claimed this person's day first (the unique recipient-and-day row): nothing of ours is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task<DateOnly?> LastSentAsync(string recipient, CancellationToken cancellationToken) =>
        db.Set<SentReminder>().AsNoTracking().Where(r => r.Recipient == recipient).MaxAsync(r => (DateOnly?)r.Day, cancellationToken);

    private static string Summary(IEnumerable<OpenStep> steps, int digested)
    {
        var parts = steps.Select(s => $"{s.Kind}:{s.ParticipantId ?? s.RequestId}").ToList();
        if (digested > 0)
        {
            parts.Add($"Digest:{digested}");
        }

        var text = string.Join(", ", parts);
        return text.Length > 1000 ? text[..1000] : text;
    }

    /// <summary>Every open step, by the user who owes it, and the advocates who have not answered (one step each).</summary>
    private async Task<(Dictionary<string, List<OpenStep>> Users, Dictionary<int, OpenStep> Advocates)> OpenStepsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var users = new Dictionary<string, List<OpenStep>>(StringComparer.Ordinal);
        void Owe(string userId, OpenStep step)
        {
            if (!users.TryGetValue(userId, out var list))
            {
                users[userId] = list = [];
            }

            list.Add(step);
        }

        // Approaches waiting for their account owner's approval.
        var approvals = await db.RequestParticipants.AsNoTracking().Where(p => p.Status == ParticipantStatus.AwaitingOwnerApproval)
            .Select(p => new
            {
                p.Id,
                p.RequestId,
                p.CreatedAt,
                p.Advocate!.Contact!.FirstName,
                p.Advocate.Contact.LastName,
                Account = db.Accounts.Where(a => a.Id == p.Advocate.AccountId).Select(a => new { a.Name, a.OwnerId }).FirstOrDefault(),
                Request = db.ReferenceRequests.Where(r => r.Id == p.RequestId).Select(r => new { r.ActivityType, r.RequesterName }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var a in approvals.Where(a => a.Account?.OwnerId is not null && a.Request is not null))
        {
            var who = $"{a.FirstName} {a.LastName}".Trim();
            Owe(a.Account!.OwnerId!, new OpenStep(
                StepKind.OwnerApproval, a.RequestId, a.Id, a.CreatedAt, "Reminder: approve or block an approach to your customer",
                f => $"{a.Request!.RequesterName ?? "A colleague"} would like to ask {who} ({a.Account.Name}) for a {Words.Phrase(a.Request.ActivityType)}; waiting for you since {f.Instant(a.CreatedAt)}.",
                $"/requests/{a.RequestId}"));
        }

        // Booked activities over a day ago whose requester has not said how they went.
        var dayAgo = now - ReminderRules.FeedbackGrace;
        var booked = await db.RequestParticipants.AsNoTracking().Where(p => p.Status == ParticipantStatus.Scheduled && p.ScheduledStart != null && p.ScheduledStart < dayAgo)
            .Select(p => new
            {
                p.Id,
                p.RequestId,
                p.ScheduledStart,
                p.ScheduledMinutes,
                p.Advocate!.Contact!.FirstName,
                p.Advocate.Contact.LastName,
                Request = db.ReferenceRequests.Where(r => r.Id == p.RequestId).Select(r => new { r.ActivityType, r.RequesterId }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var b in booked.Where(b => b.Request is not null))
        {
            var ended = b.ScheduledStart!.Value + TimeSpan.FromMinutes(b.ScheduledMinutes);
            var who = $"{b.FirstName} {b.LastName}".Trim();
            Owe(b.Request!.RequesterId, new OpenStep(
                StepKind.Feedback, b.RequestId, b.Id, ended, $"Reminder: how did the {Words.Phrase(b.Request.ActivityType)} go?",
                f => $"The {Words.Phrase(b.Request.ActivityType)} with {who} was on {f.Instant(b.ScheduledStart.Value)}. Say whether it happened and how it went: it counts for the advocate and the program.",
                $"/requests/{b.RequestId}"));
        }

        // Open requests due within a few days with nobody booked: the reference managers' move.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var open = new[] { RequestStatus.Submitted, RequestStatus.Matched, RequestStatus.AwaitingOwnerApproval, RequestStatus.AdvocateAsked, RequestStatus.Accepted, RequestStatus.Declined };
        var soon = await db.ReferenceRequests.AsNoTracking()
            .Where(r => open.Contains(r.Status) && r.NeededBy >= today.AddDays(-1) && r.NeededBy <= today.AddDays(ReminderRules.NeededBySoonDays + 1)
                && !r.Participants.Any(p => p.Status == ParticipantStatus.Scheduled || p.Status == ParticipantStatus.Completed))
            .Select(r => new { r.Id, r.ActivityType, r.NeededBy, r.ProspectName, Opportunity = db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Account!.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        if (soon.Count > 0)
        {
            var managers = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Users.Roles.ReferenceManager && user.IsActive
                select user.Id).Distinct().ToListAsync(cancellationToken);
            foreach (var r in soon)
            {
                var what = Words.Phrase(r.ActivityType) + RequestMessages.With(r.ProspectName ?? r.Opportunity);
                foreach (var manager in managers)
                {
                    Owe(manager, new OpenStep(
                        StepKind.NeededBySoon, r.Id, null, now, $"Needed soon, nobody booked: request #{r.Id}",
                        f => $"The {what} is needed by {f.Date(r.NeededBy)} and nobody is booked yet.",
                        $"/requests/{r.Id}")
                    { NeededBy = r.NeededBy });
                }
            }
        }

        // Advocates asked over three days ago who have not answered (one reminder per ask; the earliest ask first).
        var silentSince = now - ReminderRules.AdvocateSilence;
        var silent = await db.RequestParticipants.AsNoTracking()
            .Where(p => p.Status == ParticipantStatus.Asked && p.AnsweredAt == null && p.AskedAt != null && p.AskedAt <= silentSince
                && p.ReminderTokenHash == null && (p.AskExpiresAt == null || p.AskExpiresAt > now))
            .OrderBy(p => p.AskedAt)
            .Select(p => new { p.Id, p.RequestId, p.AdvocateId, p.AskedAt })
            .ToListAsync(cancellationToken);
        var advocates = new Dictionary<int, OpenStep>();
        foreach (var s in silent)
        {
            advocates.TryAdd(s.AdvocateId, new OpenStep(StepKind.AdvocateAnswer, s.RequestId, s.Id, s.AskedAt!.Value, "Reminder to the advocate", _ => string.Empty, AskLink.Path("-")));
        }

        return (users, advocates);
    }
}
