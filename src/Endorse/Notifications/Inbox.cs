using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Notifications;

/// <summary>One line of a user's inbox.</summary>
public sealed record NotificationItem(long Id, string Title, string? Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>A user's own notifications: the list (newest first), the unread count, marking read. Nobody sees another's.</summary>
public sealed class Inbox(EndorseDbContext db, TimeProvider clock)
{
    public Task<Page<NotificationItem>> ListAsync(string userId, bool unreadOnly, PageRequest request, CancellationToken cancellationToken = default)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        // Newest first on the (UserId, CreatedAt) index; Id breaks ties between notifications of the same instant.
        return query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToPageAsync(request, cancellationToken);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).CountAsync(cancellationToken);

    /// <summary>Marks one of the user's notifications read; not found when it is not theirs.</summary>
    public async Task<CommandResult<NotificationItem>> MarkReadAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return CommandResult.Missing<NotificationItem>();
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(new NotificationItem(notification.Id, notification.Title, notification.Body, notification.Link, notification.CreatedAt, notification.ReadAt));
    }

    /// <summary>Marks all the user's unread notifications read; returns how many changed.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
