using System.Net;
using Endorse.Data;
using Endorse.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Notifications;

/// <summary>
/// The one way Endorse tells someone something: an entry in a user's inbox and, when asked, an e-mail to them;
/// or an e-mail to someone who is not a user (an advocate). Mail is queued here and sent by the scheduler's
/// <c>SendPendingMailJob</c>, so a slow or absent mail server never slows a request.
/// </summary>
public sealed class Notifier(EndorseDbContext db, TimeProvider clock, MailSettings mail)
{
    /// <summary>
    /// Adds a notification to the user's inbox and, with <paramref name="sendEmail"/>, an e-mail to their address (or, when
    /// they chose a daily digest, marks it for the digest), saving both (and any other pending change of the same context)
    /// in one SaveChanges.
    /// </summary>
    /// <exception cref="InvalidOperationException">The user does not exist.</exception>
    public Task<Notification> NotifyAsync(string userId, string title, string? body, string link, bool sendEmail, CancellationToken cancellationToken = default) =>
        NotifyPersonallyAsync(userId, title, _ => body, link, sendEmail, cancellationToken);

    /// <summary>
    /// As <see cref="NotifyAsync(string, string, string?, string, bool, CancellationToken)"/>, with a body written for
    /// the recipient: dates and times in their own zone and format.
    /// </summary>
    public async Task<Notification> NotifyPersonallyAsync(string userId, string title, Func<PersonalFormat, string?> body, string link, bool sendEmail, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(body);

        // Every notification opens the record it is about (the inbox, the bell and the mail all link to it).
        ArgumentException.ThrowIfNullOrWhiteSpace(link);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.TimeZone, u.DateStyle, u.Hour12, u.DailyDigest })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"No user has the id '{userId}'.");

        var now = clock.GetUtcNow();
        var text = body(PersonalFormat.Of(user.TimeZone, user.DateStyle, user.Hour12));
        var mailed = sendEmail && !string.IsNullOrWhiteSpace(user.Email);
        var notification = new Notification
        {
            UserId = userId,
            Title = Truncate(title, 300),
            Body = text is null ? null : Truncate(text, 4000),
            Link = link,
            CreatedAt = now,
            AwaitsDigest = mailed && user.DailyDigest,
        };
        db.Notifications.Add(notification);

        if (mailed && !user.DailyDigest)
        {
            db.OutboundMails.Add(NewMail(user.Email!, user.DisplayName, title, text, link, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return notification;
    }

    /// <summary>Queues an e-mail (to anyone, users or not) for the scheduler to send.</summary>
    public async Task<OutboundMail> QueueMailAsync(OutboundMail message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        message.Status = MailStatus.Pending;
        message.Attempts = 0;
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        message.SentAt = null;
        message.LastError = null;
        db.OutboundMails.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    /// <summary>A mail to a user (not yet added to the context): the body, then an absolute link to open the record.</summary>
    public OutboundMail NewMail(string email, string? name, string title, string? body, string? link, DateTimeOffset now)
    {
        var absoluteLink = AbsoluteLink(link);
        var text = string.Join("\n\n", new[] { body, absoluteLink is null ? null : "Open in Endorse: " + absoluteLink }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var html = "<p>" + WebUtility.HtmlEncode(body ?? title).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"
            + (absoluteLink is null ? string.Empty : $"<p><a href=\"{WebUtility.HtmlEncode(absoluteLink)}\">Open in Endorse</a></p>");
        return new OutboundMail
        {
            To = email,
            ToName = name,
            Subject = Truncate(title, 500),
            TextBody = text.Length == 0 ? title : text,
            HtmlBody = html,
            Status = MailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>The link made absolute with the public base address (<c>PublicBaseUrl</c>), so it works from an e-mail.</summary>
    public string? AbsoluteLink(string? link) => mail.PublicAddress.Absolute(link);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
