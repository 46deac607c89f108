using Endorse.Data;
using Endorse.Listing;
using Endorse.Requests;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Notifications;

/// <summary>One line of a user's inbox.</summary>
public sealed record NotificationItem(long Id, string Title, string? Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>
/// A user's own notifications: the list (newest first), the unread count, marking read. Nobody sees another's. A
/// notification about a request the reader may no longer read (the account changed owner, say) keeps its place in the
/// list but loses its text and link (<see cref="RequestVisibility"/>).
/// </summary>
public sealed partial class Inbox(EndorseDbContext db, TimeProvider clock)
{
    public const string HiddenRequestTitle = "A reference request you can no longer open";

    public async Task<Page<NotificationItem>> ListAsync(RequestActor reader, bool unreadOnly, PageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var page = await ListOwnAsync(reader.UserId, unreadOnly, request, cancellationToken);
        return page with { Items = await VisibleAsync(reader, page.Items, cancellationToken) };
    }

    private Task<Page<NotificationItem>> ListOwnAsync(string userId, bool unreadOnly, PageRequest request, CancellationToken cancellationToken)
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
    public async Task<CommandResult<NotificationItem>> MarkReadAsync(RequestActor reader, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var userId = reader.UserId;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return CommandResult.Missing<NotificationItem>();
        }

        notification.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var item = new NotificationItem(notification.Id, notification.Title, notification.Body, notification.Link, notification.CreatedAt, notification.ReadAt);
        return CommandResult.Ok((await VisibleAsync(reader, [item], cancellationToken))[0]);
    }

    /// <summary>Marks all the user's unread notifications read; returns how many changed.</summary>
    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>The items as <paramref name="reader"/> may see them: those about a request they may not read lose text and link.</summary>
    private async Task<IReadOnlyList<NotificationItem>> VisibleAsync(RequestActor reader, IReadOnlyList<NotificationItem> items, CancellationToken cancellationToken)
    {
        var about = items.Select(i => (Item: i, RequestId: RequestOf(i.Link))).ToList();
        var ids = about.Select(a => a.RequestId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return items;
        }

        // A link to a request that does not exist leads to "not found" anyway; one that exists and may not be read is hidden.
        var readable = await RequestVisibility.ReadableIdsAsync(db, reader, ids, cancellationToken);
        var hidden = await db.ReferenceRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        hidden.RemoveAll(readable.Contains);
        return about.Select(a => a.RequestId is { } id && hidden.Contains(id) ? a.Item with { Title = HiddenRequestTitle, Body = null, Link = null } : a.Item).ToList();
    }

    /// <summary>The request a notification's link opens ("/requests/12"), if it opens one.</summary>
    public static int? RequestOf(string? link) =>
        link is not null && RequestLink().Match(link) is { Success: true } match && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^/requests/(\d{1,9})(?:[/?#].*)?$")]
    private static partial System.Text.RegularExpressions.Regex RequestLink();
}
