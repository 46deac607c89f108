using System.Security.Claims;
using Endorse.Listing;
using Endorse.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Endorse.Web.Features.Notifications;

/// <summary>The signed-in user's inbox over HTTP. Everyone sees and marks only their own notifications.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");

        group.MapGet("/", List)
            .WithName("ListNotifications")
            .WithSummary("Your notifications, newest first")
            .WithDescription("One page of the calling user's inbox. `unreadOnly=true` leaves out what has been read. A notification about a request the caller may no longer read keeps its place but shows neither its text nor its link.")
            .Produces<Page<NotificationItem>>();

        group.MapGet("/unread-count", CountUnread)
            .WithName("CountUnreadNotifications")
            .WithSummary("How many of your notifications are unread")
            .WithDescription("The number the bell in the app bar shows.")
            .Produces<UnreadCountResult>();

        group.MapPost("/{id:long}/read", MarkRead)
            .WithName("MarkNotificationRead")
            .WithSummary("Mark one of your notifications read")
            .WithDescription("Idempotent: a notification already read keeps the time it was first read. 404 when it is not yours.")
            .Produces<NotificationItem>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/read-all", MarkAllRead)
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Mark all your notifications read")
            .WithDescription("Answers how many notifications were unread and are now read.")
            .Produces<MarkedRead>();
    }

    public sealed record UnreadCountResult(int Count);

    public sealed record MarkedRead(int Marked);

    private static async Task<Ok<Page<NotificationItem>>> List(ClaimsPrincipal user, Inbox inbox, CancellationToken cancellationToken, int page = 1, int pageSize = 25, bool unreadOnly = false)
    {
        var result = await inbox.ListAsync(Requests.RequestsApi.ActorOf(user), unreadOnly, new PageRequest(page, pageSize), cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<UnreadCountResult>> CountUnread(ClaimsPrincipal user, Inbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCountResult(await inbox.UnreadCountAsync(UserId(user), cancellationToken)));

    private static async Task<IResult> MarkRead(long id, ClaimsPrincipal user, Inbox inbox, CancellationToken cancellationToken) =>
        Api.ApiResults.From(await inbox.MarkReadAsync(Requests.RequestsApi.ActorOf(user), id, cancellationToken), item => TypedResults.Ok(item));

    private static async Task<Ok<MarkedRead>> MarkAllRead(ClaimsPrincipal user, Inbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedRead(await inbox.MarkAllReadAsync(UserId(user), cancellationToken)));

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id claim.");
}
